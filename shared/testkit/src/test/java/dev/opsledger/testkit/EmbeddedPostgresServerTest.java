package dev.opsledger.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path data;

    @Test
    void givenDataOfAnotherMajorVersion_whenStarting_thenRefusedWithWhatToDo() throws IOException {
        Files.writeString(data.resolve("PG_VERSION"), "17\n");

        assertThatThrownBy(() -> EmbeddedPostgresServer.refuseOtherMajorVersion(data))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL 17")
                .hasMessageContaining("--fresh");
    }

    @Test
    void givenDataOfThisMajorVersionOrNoneYet_whenStarting_thenAccepted() throws IOException {
        assertThatCode(() -> EmbeddedPostgresServer.refuseOtherMajorVersion(data)).doesNotThrowAnyException();

        Files.writeString(data.resolve("PG_VERSION"), TestkitVersions.postgresMajor() + "\n");

        assertThatCode(() -> EmbeddedPostgresServer.refuseOtherMajorVersion(data)).doesNotThrowAnyException();
    }
}
