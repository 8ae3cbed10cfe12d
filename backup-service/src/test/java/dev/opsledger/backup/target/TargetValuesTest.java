package dev.opsledger.backup.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.backup.target.api.InvalidTarget;
import dev.opsledger.backup.target.api.PostgresLocation;
import dev.opsledger.backup.target.api.SufficiencyState;
import dev.opsledger.backup.target.api.TargetLocation;
import dev.opsledger.platform.error.BusinessRuleViolation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TargetValuesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration RPO = Duration.ofHours(1);

    @ParameterizedTest
    @ValueSource(strings = {"relative/path", "/srv/data/../etc", "/srv/./data", "/srv/da\u0000ta", ""})
    void givenBadDirectory_whenLocationBuilt_thenPathNotAllowed(String path) {
        assertThatThrownBy(() -> TargetLocation.directory(path))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo(InvalidTarget.PATH_NOT_ALLOWED);
                    assertThat(v.details()).containsEntry("field", "location.path");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"host=evil dbname", "db-name", "", "x;drop"})
    void givenDatabaseNameThatIsNotPlain_whenLocationBuilt_thenInvalidLocation(String database) {
        assertThatThrownBy(() -> new PostgresLocation("127.0.0.1", 5432, database, "release"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        v -> assertThat(v.code()).isEqualTo(InvalidTarget.INVALID_LOCATION));
    }

    @Test
    void givenHostStartingWithADash_whenLocationBuilt_thenInvalidLocation() {
        assertThatThrownBy(() -> new PostgresLocation("-oProxyCommand", 5432, "db", "release"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        v -> assertThat(v.details()).containsEntry("field", "location.host"));
    }

    @Test
    void givenBackupAges_whenAssessed_thenCompliantAtRiskBreachedOrUnprotected() {
        assertThat(SufficiencyState.assess(RPO, NOW.minus(Duration.ofMinutes(48)), NOW))
                .isEqualTo(SufficiencyState.COMPLIANT);
        assertThat(SufficiencyState.assess(RPO, NOW.minus(Duration.ofMinutes(49)), NOW))
                .isEqualTo(SufficiencyState.AT_RISK);
        assertThat(SufficiencyState.assess(RPO, NOW.minus(Duration.ofMinutes(61)), NOW))
                .isEqualTo(SufficiencyState.BREACHED);
        assertThat(SufficiencyState.assess(RPO, null, NOW)).isEqualTo(SufficiencyState.BREACHED);
        assertThat(SufficiencyState.assess(null, NOW, NOW)).isEqualTo(SufficiencyState.UNPROTECTED);
    }
}
