package dev.opsledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(SpringContextCustomizerIT.EmptyConfiguration.class)
@WithPostgres
@WithKafka
@WithLocalJwtIssuer
class SpringContextCustomizerIT {

    @Autowired
    Environment environment;

    @Test
    void givenAnnotations_whenContextBuilt_thenPropertiesPointAtTheSameInfrastructure(
            PostgresDatabase database, KafkaBroker kafka, LocalJwtIssuer issuer) {
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(database.jdbcUrl());
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo(database.username());
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(database.password());
        assertThat(database.name()).isEqualTo(TestInfrastructure.databaseName(SpringContextCustomizerIT.class));
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(kafka.bootstrapServers());
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo(issuer.issuerUri());
    }

    @Configuration(proxyBeanMethods = false)
    static class EmptyConfiguration {
    }
}
