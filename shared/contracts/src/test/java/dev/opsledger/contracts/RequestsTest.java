package dev.opsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.contracts.automation.RunTask;
import dev.opsledger.contracts.backup.TakeBackup;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue of requests behind the broker's ACLs and the receivers' source check is complete and sane. */
class RequestsTest {

    @Test
    void givenEveryServicesContracts_whenRequestRecordsCollected_thenRequestsAllNamesEachOfThem() {
        List<Class<?>> requestRecords = Stream.of(OpsLedgerService.values())
                .flatMap(service -> ServiceContractsTest.messagesOf(service).stream())
                .filter(IntegrationRequest.class::isAssignableFrom)
                .toList();

        assertThat(requestRecords).isNotEmpty();
        assertThat(List.<Class<?>>copyOf(Requests.ALL)).as("a request missing here would get no ACL and be refused by its receiver")
                .containsExactlyInAnyOrderElementsOf(requestRecords);
    }

    @Test
    void givenEveryRequest_whenItsSendersRead_thenAtLeastOneOtherServiceMaySendIt() {
        for (Class<? extends IntegrationRequest> request : Requests.ALL) {
            assertThat(Requests.sendersOf(request)).as("@SentBy of %s", request.getSimpleName())
                    .isNotEmpty()
                    .doesNotContain(Requests.receiverOf(request));
        }
    }

    @Test
    void givenTodaysRequests_whenReceiversOfEachSenderDerived_thenReleaseAsksBackupAndAutomationAndAccessAsksAutomation() {
        assertThat(Requests.sendersOf(TakeBackup.class)).containsExactly(OpsLedgerService.RELEASE);
        assertThat(Requests.sendersOf(RunTask.class))
                .containsExactlyInAnyOrder(OpsLedgerService.RELEASE, OpsLedgerService.ACCESS);
        assertThat(Requests.receiversOf(OpsLedgerService.RELEASE))
                .containsExactlyInAnyOrder(OpsLedgerService.BACKUP, OpsLedgerService.AUTOMATION);
        assertThat(Requests.receiversOf(OpsLedgerService.ACCESS)).containsExactly(OpsLedgerService.AUTOMATION);
        assertThat(Requests.receiversOf(OpsLedgerService.BACKUP)).isEmpty();
    }

    @Test
    void givenSources_whenResolved_thenOnlyAServicesOwnSourceNamesIt() {
        assertThat(OpsLedgerService.bySource("/opsledger/release")).contains(OpsLedgerService.RELEASE);
        assertThat(OpsLedgerService.bySource("/opsledger/release/")).isEmpty();
        assertThat(OpsLedgerService.bySource("release")).isEmpty();
        assertThat(OpsLedgerService.bySource("")).isEmpty();
    }
}
