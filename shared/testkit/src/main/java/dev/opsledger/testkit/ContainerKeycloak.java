package dev.opsledger.testkit;

import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/** The Keycloak image of the same version as the distribution, with the same realm file, for machines with Docker. */
final class ContainerKeycloak implements KeycloakServer {

    private static final int HTTP_PORT = 8080;

    private final GenericContainer<?> container;

    private ContainerKeycloak(GenericContainer<?> container) {
        this.container = container;
    }

    static ContainerKeycloak start() {
        GenericContainer<?> container = new GenericContainer<>(
                DockerImageName.parse("quay.io/keycloak/keycloak:" + TestkitVersions.keycloak()))
                .withCopyFileToContainer(MountableFile.forClasspathResource(REALM_RESOURCE),
                        "/opt/keycloak/data/import/opsledger-realm.json")
                .withCommand("start-dev", "--import-realm")
                .withExposedPorts(HTTP_PORT)
                .waitingFor(Wait.forHttp("/realms/" + REALM + "/.well-known/openid-configuration")
                        .forPort(HTTP_PORT)
                        .forStatusCode(200)
                        .withStartupTimeout(Duration.ofSeconds(180)));
        container.start();
        // Ryuk removes it too, but only once the JVM is gone; stopping it here frees the engine sooner.
        JvmExit.onExit("keycloak-container", container::stop);
        return new ContainerKeycloak(container);
    }

    // Keycloak derives the issuer from the request's host, so tokens fetched through this URL carry
    // exactly the issuer that resource servers in the test JVM are configured with.
    @Override
    public String baseUrl() {
        return "http://" + container.getHost() + ":" + container.getMappedPort(HTTP_PORT);
    }

    @Override
    public void close() {
        container.stop();
    }
}
