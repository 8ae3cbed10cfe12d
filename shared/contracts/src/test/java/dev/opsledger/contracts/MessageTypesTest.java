package dev.opsledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTypesTest {

    @MessageType(service = OpsLedgerService.RELEASE, name = "promotion-approved", version = 1)
    record PromotionApprovedSample(String subject) implements IntegrationEvent {
    }

    @Test
    void givenAnnotatedRecord_whenTypeOf_thenFollowsTheNamingRule() {
        assertThat(MessageTypes.typeOf(PromotionApprovedSample.class))
                .isEqualTo("dev.opsledger.release.promotion-approved.v1");
        assertThat(MessageTypes.schemaResource(PromotionApprovedSample.class))
                .isEqualTo("/schemas/release/promotion-approved.v1.json");
    }

    @Test
    void givenNonKebabName_whenType_thenRejected() {
        assertThatThrownBy(() -> MessageTypes.type(OpsLedgerService.BACKUP, "BackupTaken", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kebab-case");
        assertThatThrownBy(() -> MessageTypes.type(OpsLedgerService.BACKUP, "backup-taken", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenTypes_whenValidated_thenOnlyWellFormedPass() {
        assertThat(MessageTypes.isValid("dev.opsledger.access.grant-revoked.v2")).isTrue();
        assertThat(MessageTypes.isValid("dev.opsledger.access.GrantRevoked.v2")).isFalse();
        assertThat(MessageTypes.isValid("dev.opsledger.unknown.grant-revoked.v1")).isFalse();
        assertThat(MessageTypes.isValid("dev.opsledger.access.grant-revoked")).isFalse();
    }

    @Test
    void givenService_whenTopics_thenMatchConstants() {
        assertThat(OpsLedgerService.RELEASE.eventsTopic()).isEqualTo(Topics.RELEASE_EVENTS);
        assertThat(OpsLedgerService.ACCESS.requestsTopic()).isEqualTo(Topics.ACCESS_REQUESTS);
        assertThat(OpsLedgerService.BACKUP.eventsTopic()).isEqualTo(Topics.BACKUP_EVENTS);
        assertThat(OpsLedgerService.AUTOMATION.requestsTopic()).isEqualTo(Topics.AUTOMATION_REQUESTS);
        assertThat(OpsLedgerService.byId("release")).isEqualTo(OpsLedgerService.RELEASE);
        assertThat(OpsLedgerService.RELEASE.deadLetterTopic()).isEqualTo(Topics.RELEASE_REQUESTS_DLT);
        assertThat(OpsLedgerService.ACCESS.deadLetterTopic()).isEqualTo(Topics.ACCESS_REQUESTS_DLT);
        assertThat(OpsLedgerService.BACKUP.deadLetterTopic()).isEqualTo(Topics.BACKUP_REQUESTS_DLT);
        assertThat(OpsLedgerService.AUTOMATION.deadLetterTopic()).isEqualTo("opsledger.automation.requests.dlt");
    }

    @Test
    void givenCommonMessage_whenTyped_thenThePublisherNamesItAndNoPublisherIsAnError() {
        assertThat(MessageTypes.typeOf(RequestFailed.class, OpsLedgerService.BACKUP))
                .isEqualTo("dev.opsledger.backup.request-failed.v1");
        assertThat(MessageTypes.typeOf(PromotionApprovedSample.class, OpsLedgerService.BACKUP))
                .as("a service's own message keeps its service").isEqualTo("dev.opsledger.release.promotion-approved.v1");
        assertThatThrownBy(() -> MessageTypes.typeOf(RequestRejected.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("typeOf(type, publisher)");
    }
}
