package dev.opsledger.access;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Access to resources: requests with approvals, grants provisioned in Keycloak, and who had access when. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AccessServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccessServiceApplication.class, args);
    }
}
