package dev.opsledger.platform.axon;

import dev.opsledger.contracts.OpsLedgerService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * Adds the platform's migrations ({@code classpath:db/migration/platform}, V1..V99) and the
 * service's ({@code classpath:db/migration/<service>}, V100+) to whatever locations the service
 * configured. Flyway scans a location recursively, so a location that already contains one of
 * ours (the default {@code classpath:db/migration}) is left as it is: adding the sub-folder
 * again would make Flyway see every platform migration twice and refuse to start.
 */
public class PlatformFlywayLocations implements FlywayConfigurationCustomizer {

    public static final String PLATFORM_LOCATION = "classpath:db/migration/platform";

    private final OpsLedgerService service;

    public PlatformFlywayLocations(OpsLedgerService service) {
        this.service = service;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.locations(locations(Arrays.stream(configuration.getLocations())
                .map(Location::getDescriptor).toList()).toArray(String[]::new));
    }

    List<String> locations(List<String> configured) {
        List<String> result = new ArrayList<>(configured);
        addUnlessCovered(result, PLATFORM_LOCATION);
        if (service != null) {
            addUnlessCovered(result, "classpath:db/migration/" + service.id());
        }
        return result;
    }

    private static void addUnlessCovered(List<String> locations, String wanted) {
        boolean covered = locations.stream().map(PlatformFlywayLocations::normalize)
                .anyMatch(existing -> normalize(wanted).equals(existing) || normalize(wanted).startsWith(existing + "/"));
        if (!covered) {
            locations.add(wanted);
        }
    }

    private static String normalize(String location) {
        String withPrefix = location.contains(":") ? location : "classpath:" + location;
        String trimmed = withPrefix.replace("classpath:/", "classpath:");
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
