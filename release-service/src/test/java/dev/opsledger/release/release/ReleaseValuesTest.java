package dev.opsledger.release.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsledger.platform.error.BusinessRuleViolation;
import dev.opsledger.release.release.api.CommitSha;
import dev.opsledger.release.release.api.SemanticVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "0.9.12", "2.0.0-rc.1", "1.0.0-alpha+001", "1.0.0+20130313144700"})
    void givenSemVer_whenParsed_thenRoundTrips(String text) {
        assertThat(SemanticVersion.parse(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "v1.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "", "1.0.0+"})
    void givenNotSemVer_whenParsed_thenInvalidVersion(String text) {
        assertThatThrownBy(() -> SemanticVersion.parse(text))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasFieldOrPropertyWithValue("code", SemanticVersion.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.4.0+build.7", "1.4.0+build.8", "1.4.0"})
    void givenBuildMetadata_whenIdentity_thenIgnored(String text) {
        assertThat(SemanticVersion.parse(text).identity()).isEqualTo("1.4.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc1234", "ABCDEF0123456789abcdef0123456789abcdef01"})
    void givenHexOf7To40_whenCommitSha_thenAcceptedInLowerCase(String text) {
        assertThat(new CommitSha(text).value()).isEqualTo(text.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc123", "xyz1234", "abcdef0123456789abcdef0123456789abcdef012"})
    void givenNotACommit_whenCommitSha_thenInvalidCommit(String text) {
        assertThatThrownBy(() -> new CommitSha(text))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasFieldOrPropertyWithValue("code", CommitSha.INVALID);
    }
}
