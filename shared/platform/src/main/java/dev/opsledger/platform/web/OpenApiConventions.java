package dev.opsledger.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What every service's OpenAPI document says alike, so a service declares only its title and
 * description ({@code @OpenAPIDefinition(info = …)}): every operation needs a Keycloak bearer
 * token, and errors are RFC 9457 problem details with a stable {@code code}.
 */
public class OpenApiConventions implements OpenApiCustomizer {

    public static final String SECURITY_SCHEME = "keycloak";
    static final String ERRORS_NOTE = "Errors are RFC 9457 problem details (application/problem+json) with a stable "
            + "`code`; lists take `limit` and the `nextCursor` of the previous page as `cursor`.";

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        components.addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A Keycloak access token of the opsledger realm; realm roles decide what the caller may do."));
        openApi.components(components);
        if (openApi.getSecurity() == null || openApi.getSecurity().isEmpty()) {
            openApi.addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
        }
        if (openApi.getInfo() != null) {
            String description = openApi.getInfo().getDescription();
            if (description == null || !description.contains(ERRORS_NOTE)) {
                openApi.getInfo().description(description == null ? ERRORS_NOTE : description + " " + ERRORS_NOTE);
            }
        }
    }
}
