package dev.opsledger.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One process the devstack starts after the infrastructure, as declared in
 * {@code devstack-services.properties}. The launcher has no per-service code: a new service is a
 * new entry there.
 */
record ServiceSpec(String name, String module, int port, String database, boolean backend) {

    static final String RESOURCE = "devstack-services.properties";

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
                    Boolean.parseBoolean(properties.getProperty(name + ".backend", "false").strip())));
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
