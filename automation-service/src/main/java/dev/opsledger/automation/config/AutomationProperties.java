package dev.opsledger.automation.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings, under {@code opsledger.automation}.
 *
 * @param workers            how many runs execute at once (the bounded worker pool)
 * @param workDirectory      each run gets its own folder below it
 * @param allowedExecutables files, or folders ending in {@code /}, a shell task may name
 * @param allowedHosts       {@code host:port} pairs an http task may call; an IP literal here
 *                           also admits a link-local or metadata address
 * @param secretPrefix       a secret parameter may only name environment variables with this prefix
 * @param maxLogCharacters   a run's log is cut past this many characters, with a marker
 * @param pollInterval       how often idle workers look for queued runs
 * @param path               the {@code PATH} a process gets (its environment is otherwise cleared)
 */
@ConfigurationProperties("opsledger.automation")
public record AutomationProperties(
        @DefaultValue("4") int workers,
        Path workDirectory,
        @DefaultValue List<String> allowedExecutables,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("OPSLEDGER_SECRET_") String secretPrefix,
        @DefaultValue("1000000") long maxLogCharacters,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("/usr/local/bin:/usr/bin:/bin") String path) {

    public AutomationProperties {
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("opsledger.automation.workers must be between 1 and 256");
        }
        workDirectory = workDirectory != null ? workDirectory
                : Path.of(System.getProperty("java.io.tmpdir"), "opsledger-automation");
        allowedExecutables = allowedExecutables.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        allowedHosts = allowedHosts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
