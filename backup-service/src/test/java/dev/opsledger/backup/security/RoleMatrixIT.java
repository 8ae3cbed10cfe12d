package dev.opsledger.backup.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.testkit.LocalJwtIssuer;
import dev.opsledger.testkit.WithKafka;
import dev.opsledger.testkit.WithLocalJwtIssuer;
import dev.opsledger.testkit.WithPostgres;
import dev.opsledger.testkit.security.RoleMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** Every cell of {@code security/role-matrix.txt} against the running service with real tokens, every endpoint with a row. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@WithPostgres
@WithKafka
@WithLocalJwtIssuer
class RoleMatrixIT {

    private final LocalJwtIssuer issuer = LocalJwtIssuer.shared();

    @LocalServerPort
    int port;

    @Test
    void givenTheDeclaredRoleMatrix_whenEveryCellIsSentWithATokenOfThatRole_thenTheServiceAnswersAsDeclared_andEveryEndpointHasARow()
            throws Exception {
        RoleMatrix.Outcome outcome = RoleMatrix.read("security/role-matrix.txt").check("http://127.0.0.1:" + port, issuer);

        System.out.printf("RoleMatrixIT backup: %d operations, %d cells checked, %d wrong%n",
                outcome.operations(), outcome.cells(), outcome.wrong().size());
        assertThat(outcome.withoutRow()).as("endpoints without a row in the matrix").isEmpty();
        assertThat(outcome.withoutOperation()).as("rows naming no endpoint").isEmpty();
        assertThat(outcome.wrong()).as("cells answered otherwise than declared").isEmpty();
        assertThat(outcome.cells()).isEqualTo(outcome.operations() * 8);
    }
}
