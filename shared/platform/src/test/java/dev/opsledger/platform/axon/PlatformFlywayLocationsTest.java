package dev.opsledger.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.contracts.OpsLedgerService;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformFlywayLocationsTest {

    @Test
    void givenBootDefaultLocation_whenCustomized_thenNothingIsAddedBecauseFlywayScansSubfolders() {
        assertThat(new PlatformFlywayLocations(OpsLedgerService.RELEASE).locations(List.of("classpath:db/migration")))
                .containsExactly("classpath:db/migration");
    }

    @Test
    void givenServiceOnlyListsItsOwnFolder_whenCustomized_thenPlatformFolderIsAdded() {
        assertThat(new PlatformFlywayLocations(OpsLedgerService.BACKUP).locations(List.of("classpath:db/migration/backup")))
                .containsExactly("classpath:db/migration/backup", "classpath:db/migration/platform");
    }

    @Test
    void givenUnrelatedLocation_whenCustomized_thenPlatformAndServiceFoldersAreAdded() {
        assertThat(new PlatformFlywayLocations(OpsLedgerService.ACCESS).locations(List.of("filesystem:/opt/sql")))
                .containsExactly("filesystem:/opt/sql", "classpath:db/migration/platform", "classpath:db/migration/access");
    }

    @Test
    void givenNoServiceName_whenCustomized_thenOnlyThePlatformFolderIsAdded() {
        assertThat(new PlatformFlywayLocations(null).locations(List.of("classpath:/db/other/")))
                .containsExactly("classpath:/db/other/", "classpath:db/migration/platform");
    }
}
