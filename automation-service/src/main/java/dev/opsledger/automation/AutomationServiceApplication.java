package dev.opsledger.automation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Versioned task definitions, their runs through shell and HTTP executors, and their schedules. */
@SpringBootApplication
public class AutomationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AutomationServiceApplication.class, args);
    }
}
