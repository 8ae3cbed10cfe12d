package dev.opsledger.automation.run.execution;

import dev.opsledger.automation.config.AutomationProperties;
import dev.opsledger.automation.task.api.ExecutorAllowList;
import dev.opsledger.platform.metadata.CorrelationChains;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The worker pool and its executors, from {@link AutomationProperties}. */
@Configuration(proxyBeanMethods = false)
public class ExecutionConfiguration {

    /** The service's own environment; a test gives a map of its own as a {@code @Primary} bean. */
    @Bean
    Secrets secrets(AutomationProperties properties) {
        return new Secrets(System.getenv(), properties.secretPrefix());
    }

    @Bean
    RunWorkers runWorkers(CommandGateway commands, CorrelationChains chains, JdbcClient jdbc, Secrets secrets,
                          ExecutorAllowList allowList, AutomationProperties properties) {
        RunProcesses processes = RunProcesses.onThisMachine(new RunSessionTable(jdbc));
        return new RunWorkers(commands, chains, jdbc, secrets, processes,
                new ShellExecution(allowList, properties.workDirectory(), properties.path(), properties.pollInterval(),
                        processes),
                new HttpExecution(allowList, properties.pollInterval()),
                properties.workers(), properties.maxLogCharacters(), properties.pollInterval().toMillis());
    }
}
