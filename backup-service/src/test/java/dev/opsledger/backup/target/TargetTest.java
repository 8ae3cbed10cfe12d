package dev.opsledger.backup.target;

import static dev.opsledger.backup.support.Fixtures.DATABASE;
import static dev.opsledger.backup.support.Fixtures.NOW;
import static dev.opsledger.backup.support.Fixtures.OPERATOR;
import static dev.opsledger.testkit.Violations.violation;

import dev.opsledger.backup.target.api.InvalidTarget;
import dev.opsledger.backup.target.api.RecordSufficiency;
import dev.opsledger.backup.target.api.RegisterTarget;
import dev.opsledger.backup.target.api.SufficiencyChanged;
import dev.opsledger.backup.target.api.SufficiencyState;
import dev.opsledger.backup.target.api.TargetLocation;
import dev.opsledger.backup.target.api.TargetRegistered;
import dev.opsledger.backup.target.command.Target;
import dev.opsledger.backup.target.command.TargetRegistry;
import dev.opsledger.testkit.MutableClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TargetTest {

    private final Map<String, String> names = new HashMap<>();
    private AggregateTestFixture<Target> fixture;

    /** Names claimed in memory; directories allowed only under /srv/data. */
    private final TargetRegistry registry = new TargetRegistry() {
        @Override
        public boolean claimName(String name, String targetId) {
            return names.putIfAbsent(name, targetId) == null;
        }

        @Override
        public void checkDirectory(String path, String field) {
            if (!path.startsWith("/srv/data/")) {
                throw InvalidTarget.of(InvalidTarget.PATH_NOT_ALLOWED, field, "outside the roots");
            }
        }
    };

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Target.class);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(MutableClock.at(NOW));
    }

    @Test
    void givenNothing_whenDatabaseRegistered_thenRegisteredUnprotected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTarget("t-1", "release-db", DATABASE, OPERATOR))
                .expectEvents(new TargetRegistered("t-1", "release-db", DATABASE, OPERATOR, NOW));
    }

    @Test
    void givenNameTaken_whenRegistered_thenConflictAndNoEvent() {
        names.put("release-db", "t-0");
        fixture.givenNoPriorActivity()
                .when(new RegisterTarget("t-1", "release-db", DATABASE, OPERATOR))
                .expectException(violation(Target.NAME_TAKEN))
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenDirectoryOutsideTheRoots_thenPathNotAllowedAndNoEvent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTarget("t-1", "etc", TargetLocation.directory("/etc/secrets"), OPERATOR))
                .expectException(violation(InvalidTarget.PATH_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenBlankName_thenNameRequiredAndNoEvent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTarget("t-1", " ", DATABASE, OPERATOR))
                .expectException(violation(Target.NAME_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void givenUnprotectedTarget_whenBreachRecorded_thenSufficiencyChanged() {
        fixture.given(new TargetRegistered("t-1", "release-db", DATABASE, OPERATOR, NOW))
                .when(new RecordSufficiency("t-1", SufficiencyState.BREACHED, Duration.ofHours(1), null))
                .expectEvents(new SufficiencyChanged("t-1", "release-db", SufficiencyState.UNPROTECTED,
                        SufficiencyState.BREACHED, Duration.ofHours(1), null, NOW));
    }

    @Test
    void givenBreachedTarget_whenBreachRecordedAgain_thenNothingNew() {
        fixture.given(new TargetRegistered("t-1", "release-db", DATABASE, OPERATOR, NOW),
                        new SufficiencyChanged("t-1", "release-db", SufficiencyState.UNPROTECTED,
                                SufficiencyState.BREACHED, Duration.ofHours(1), null, NOW))
                .when(new RecordSufficiency("t-1", SufficiencyState.BREACHED, Duration.ofHours(1), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
