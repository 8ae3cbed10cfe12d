package dev.opsledger.testkit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RoleMatrixTest {

    @Test
    void givenAMatrixFile_whenParsed_thenEachRowHasACellPerRole() {
        RoleMatrix matrix = RoleMatrix.parse("""
                # comment
                roles developer none
                GET  /things        allow deny
                post /things/{id}   deny  deny
                """);

        assertThat(matrix.roles()).containsExactly("developer", "none");
        assertThat(matrix.rows()).hasSize(2);
        assertThat(matrix.rows().get(1).method()).isEqualTo("POST");
        assertThat(matrix.rows().get(0).allowed()).containsEntry("developer", true).containsEntry("none", false);
    }

    @Test
    void givenARowWithAMissingOrUnknownCell_whenParsed_thenItIsRefused() {
        assertThatThrownBy(() -> RoleMatrix.parse("roles a b\nGET /x allow\n")).hasMessageContaining("2 cells");
        assertThatThrownBy(() -> RoleMatrix.parse("roles a\nGET /x maybe\n")).hasMessageContaining("allow or deny");
        assertThatThrownBy(() -> RoleMatrix.parse("GET /x allow\n")).hasMessageContaining("roles header");
    }

    @Test
    void givenAnOpenApiDocument_whenItsOperationsAreListed_thenSpringsErrorPathIsLeftOut() {
        var document = JsonMapper.builder().build().readTree("""
                {"paths": {"/things": {"get": {}, "post": {}, "parameters": []}, "/error": {"get": {}}}}""");

        assertThat(RoleMatrix.operationsOf(document)).containsExactly("GET /things", "POST /things");
    }
}
