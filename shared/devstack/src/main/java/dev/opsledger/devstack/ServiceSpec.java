package dev.opsledger.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One OpsLedger process, as declared in {@code devstack-services.properties}: the one list of
 * services the devstack starts and that compose, the database init script and the gateway's
 * service slots are checked against. The launcher has no per-service code: a new service is a
 * new entry there, switched on with {@code enabled} once its module builds.
 *
 * @param edge the gateway: the one public entry, told where every started service listens
 */
record ServiceSpec(String name, String module, int port, String database, boolean enabled, boolean edge) {

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
                    Boolean.parseBoolean(properties.getProperty(name + ".edge", "false").strip())));
        }
        return List.copyOf(specs);
    }

    private static String required(Properties properties, String name, String key) {
        String value = properties.getProperty(name + "." + key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": service '" + name + "' has no " + key);
        }
        return value.strip();
    }

    boolean hasDatabase() {
        return !database.isEmpty();
    }
}
