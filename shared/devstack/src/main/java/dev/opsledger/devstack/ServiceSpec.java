package dev.opsledger.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One OpsLedger process, as declared in {@code devstack-services.properties}: the one list of
 * services the devstack starts and that compose, the database init script and the gateway's
 * service slots are checked against. The launcher has no per-service code: a new service is a
 * new entry there, switched on with {@code enabled} once its module builds.
 *
 * @param edge the gateway: the one public entry, told where every started service listens
 * @param settings what the service needs beyond the stack's common wiring ({@code <name>.set.<property>}),
 *                 e.g. the folder automation-service may run scripts from; values may name the placeholders
 *                 {@link Launcher} fills in from the stack itself ({@code ${root}}, {@code ${home}}, …), never
 *                 anything from outside
 */
record ServiceSpec(String name, String module, int port, String database, boolean enabled, boolean edge,
                   Map<String, String> settings) {

    static final String SETTING_PREFIX = ".set.";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z.]+)}");

    ServiceSpec {
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    ServiceSpec(String name, String module, int port, String database, boolean enabled, boolean edge) {
        this(name, module, port, database, enabled, edge, Map.of());
    }

    static final String RESOURCE = "devstack-services.properties";

    /** Every declared entry, the ones not built yet included. */
    static List<ServiceSpec> load() {
        Properties properties = new Properties();
        try (InputStream in = ServiceSpec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the launcher jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(properties);
    }

    /** What {@code ./opsledger up} starts: a service declared before its module builds must not break it. */
    static List<ServiceSpec> started() {
        return load().stream().filter(ServiceSpec::enabled).toList();
    }

    static List<ServiceSpec> parse(Properties properties) {
        List<ServiceSpec> specs = new ArrayList<>();
        for (String name : properties.getProperty("services", "").split(",")) {
            name = name.strip();
            if (name.isEmpty()) {
                continue;
            }
            specs.add(new ServiceSpec(name,
                    required(properties, name, "module"),
                    Integer.parseInt(required(properties, name, "port")),
                    properties.getProperty(name + ".database", "").strip(),
                    Boolean.parseBoolean(properties.getProperty(name + ".enabled", "true").strip()),
                    Boolean.parseBoolean(properties.getProperty(name + ".edge", "false").strip()),
                    settingsOf(properties, name)));
        }
        return List.copyOf(specs);
    }

    private static Map<String, String> settingsOf(Properties properties, String name) {
        String prefix = name + SETTING_PREFIX;
        Map<String, String> settings = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                settings.put(key.substring(prefix.length()), properties.getProperty(key).strip());
            }
        }
        return settings;
    }

    private static String required(Properties properties, String name, String key) {
        String value = properties.getProperty(name + "." + key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": service '" + name + "' has no " + key);
        }
        return value.strip();
    }

    /**
     * The settings with every {@code ${name}} replaced from {@code placeholders}. A placeholder the
     * launcher doesn't know is a mistake in the shipped file, so it fails the start instead of reaching
     * a service as text.
     */
    Map<String, String> resolvedSettings(Map<String, String> placeholders) {
        Map<String, String> resolved = new TreeMap<>();
        settings.forEach((key, template) -> {
            Matcher matcher = PLACEHOLDER.matcher(template);
            StringBuilder value = new StringBuilder();
            while (matcher.find()) {
                String known = placeholders.get(matcher.group(1));
                if (known == null) {
                    throw new IllegalStateException(RESOURCE + ": " + name + SETTING_PREFIX + key + " names ${"
                            + matcher.group(1) + "}, which the launcher does not provide " + placeholders.keySet());
                }
                matcher.appendReplacement(value, Matcher.quoteReplacement(known));
            }
            matcher.appendTail(value);
            resolved.put(key, value.toString());
        });
        return resolved;
    }

    boolean hasDatabase() {
        return !database.isEmpty();
    }
}
