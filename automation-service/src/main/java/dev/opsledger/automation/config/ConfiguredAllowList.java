package dev.opsledger.automation.config;

import dev.opsledger.automation.task.api.ExecutorAllowList;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The operator's allow-lists from {@link AutomationProperties}. */
public class ConfiguredAllowList implements ExecutorAllowList {

    private final Set<String> executables;
    private final Set<String> hosts;

    public ConfiguredAllowList(AutomationProperties properties) {
        this.executables = Set.copyOf(properties.allowedExecutables());
        this.hosts = properties.allowedHosts().stream().map(host -> host.toLowerCase(Locale.ROOT))
                .map(host -> host.startsWith("[") ? host.replaceFirst("^\\[(.*)](:\\d+)$", "$1$2") : host)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean allowsExecutable(String executable) {
        // Paths are checked normalised (no "..", no "//") before they get here, so a prefix is safe.
        return executables.stream().anyMatch(entry -> entry.endsWith("/")
                ? executable.startsWith(entry) && executable.length() > entry.length()
                : executable.equals(entry));
    }

    @Override
    public boolean allowsHost(String host, int port) {
        return hosts.contains(host.toLowerCase(Locale.ROOT) + ":" + port);
    }
}
