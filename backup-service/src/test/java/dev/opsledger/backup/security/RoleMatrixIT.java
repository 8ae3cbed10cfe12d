package dev.opsledger.backup.security;

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
        RoleMatrix.assertHolds("backup", "http://127.0.0.1:" + port, issuer);
    }
}
