package dev.opsledger.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Run by {@link ContextShutdownIT} in a child JVM: loads a Spring test context the way a test does (through
 * Spring's context cache and the testkit's customizer), then exits without closing it, like a forked test JVM
 * at the end of a run. A bean of the context needs the database while the context closes.
 *
 * <p>Arguments: the directory to write {@code exit-requested} and {@code close-result} into; optionally
 * {@value #CLOSING_ALREADY}, to exit while another thread is closing the context, as Spring's own shutdown hook
 * may be when the testkit's runs.
 */
final class ContextShutdownProbe {

    static final String EXIT_REQUESTED = "exit-requested";
    static final String CLOSE_RESULT = "close-result";
    static final String POSTGRES_PORT = "postgres-port";
    static final String OK = "ok";
    static final String CLOSING_ALREADY = "closing-already";

    private static final CountDownLatch CLOSING = new CountDownLatch(1);

    /** Like JobRunr stopping its background server before the pool is asked for a connection. */
    private static final Duration PAUSE_BEFORE_QUERY = Duration.ofSeconds(1);
    /** Like a connection pool waiting for a connection (JobRunr's is about 30 s). */
    private static final Duration CONNECTION_WAIT = Duration.ofSeconds(30);

    private ContextShutdownProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        System.setProperty(ContextShutdownProbe.class.getName() + ".directory", directory.toString());
        ConfigurableApplicationContext context = (ConfigurableApplicationContext)
                new TestContextManager(ProbeTest.class).getTestContext().getApplicationContext();
        Files.writeString(directory.resolve(POSTGRES_PORT), String.valueOf(TestInfrastructure.postgres().port()));
        if (args.length > 1 && args[1].equals(CLOSING_ALREADY)) {
            Thread.ofPlatform().name("other-closer").start(context::close);
            if (!CLOSING.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the context did not start closing");
            }
        }
        Files.writeString(directory.resolve(EXIT_REQUESTED), Instant.now().toString());
        System.exit(0);
    }

    /** Stands in for a test class: only its annotations matter. */
    @SpringJUnitConfig(ProbeConfiguration.class)
    @WithPostgres
    static final class ProbeTest {
    }

    @Configuration(proxyBeanMethods = false)
    static class ProbeConfiguration {

        @Bean
        DatabaseOnClose databaseOnClose(Environment environment) {
            return new DatabaseOnClose(environment,
                    Path.of(System.getProperty(ContextShutdownProbe.class.getName() + ".directory")));
        }
    }

    /** Runs {@code SELECT 1} when the context closes and records the outcome. */
    static final class DatabaseOnClose implements DisposableBean {

        private final String url;
        private final String username;
        private final String password;
        private final Path directory;

        DatabaseOnClose(Environment environment, Path directory) {
            this.url = environment.getRequiredProperty("spring.datasource.url");
            this.username = environment.getRequiredProperty("spring.datasource.username");
            this.password = environment.getRequiredProperty("spring.datasource.password");
            this.directory = directory;
        }

        @Override
        public void destroy() throws IOException, InterruptedException {
            System.out.println(Instant.now() + " closing in thread " + Thread.currentThread().getName());
            CLOSING.countDown();
            Thread.sleep(PAUSE_BEFORE_QUERY);
            Files.writeString(directory.resolve(CLOSE_RESULT), selectOneWithin(CONNECTION_WAIT));
        }

        private String selectOneWithin(Duration wait) throws InterruptedException {
            Instant deadline = Instant.now().plus(wait);
            boolean reported = false;
            while (true) {
                try (Connection connection = DriverManager.getConnection(url, username, password);
                        Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("SELECT 1")) {
                    result.next();
                    return result.getInt(1) == 1 ? OK : "SELECT 1 returned " + result.getInt(1);
                } catch (SQLException e) {
                    if (!reported) {
                        System.out.println(Instant.now() + " no connection, retrying until " + deadline + ": " + e);
                        reported = true;
                    }
                    if (Instant.now().isAfter(deadline)) {
                        return "no database within " + wait + ": " + e;
                    }
                }
                Thread.sleep(Duration.ofMillis(100));
            }
        }
    }
}
