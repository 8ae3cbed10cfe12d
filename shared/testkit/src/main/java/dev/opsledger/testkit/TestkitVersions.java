package dev.opsledger.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions taken from the root pom at build time, so the code and the build never disagree. */
public final class TestkitVersions {

    private static final Properties VERSIONS = load();

    private TestkitVersions() {
    }

    /** Version of {@code org.keycloak:keycloak-quarkus-dist}, also the tag of the Keycloak image on the Docker path. */
    public static String keycloak() {
        return require("keycloak.version");
    }

    /** Major version of the embedded PostgreSQL binaries (zonky), e.g. {@code 15}. */
    public static String postgresMajor() {
        return require("postgres.binaries.version").split("\\.")[0];
    }

    private static String require(String key) {
        String value = VERSIONS.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("@")) {
            throw new IllegalStateException("testkit-versions.properties has no filtered value for " + key
                    + "; was the testkit built with Maven resource filtering?");
        }
        return value.trim();
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = TestkitVersions.class.getResourceAsStream("testkit-versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("testkit-versions.properties is missing from the testkit jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
