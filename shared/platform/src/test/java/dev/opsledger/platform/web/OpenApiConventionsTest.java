package dev.opsledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

class OpenApiConventionsTest {

    @Test
    void givenAServiceDocumentWithOnlyItsInfo_whenCustomised_thenBearerTokensAndProblemDetailsAreDeclared() {
        OpenAPI document = new OpenAPI().info(new Info().title("OpsLedger x-service").description("Does x."));

        new OpenApiConventions().customise(document);

        SecurityScheme scheme = document.getComponents().getSecuritySchemes().get(OpenApiConventions.SECURITY_SCHEME);
        assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(scheme.getScheme()).isEqualTo("bearer");
        assertThat(document.getSecurity()).singleElement()
                .satisfies(requirement -> assertThat(requirement).containsKey(OpenApiConventions.SECURITY_SCHEME));
        assertThat(document.getInfo().getDescription()).startsWith("Does x.").contains("RFC 9457").contains("cursor");
    }

    @Test
    void givenADocumentCustomisedTwice_whenCustomisedAgain_thenNothingIsRepeated() {
        OpenAPI document = new OpenAPI().info(new Info().title("t").description("d"));
        OpenApiConventions conventions = new OpenApiConventions();

        conventions.customise(document);
        conventions.customise(document);

        assertThat(document.getSecurity()).hasSize(1);
        assertThat(document.getInfo().getDescription().split("RFC 9457", -1)).hasSize(2);
    }
}
