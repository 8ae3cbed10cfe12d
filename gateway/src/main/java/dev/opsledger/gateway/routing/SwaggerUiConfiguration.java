package dev.opsledger.gateway.routing;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.opsledger.gateway.config.GatewayProperties;

/**
 * One Swagger UI ({@code /swagger-ui.html}) listing the gateway's own document and every
 * enabled service's, as the gateway serves them ({@link GatewayProperties#openApiPath(String)}).
 * The list is derived from the service slots, so a service switched on appears without an edit.
 */
@Configuration(proxyBeanMethods = false)
public class SwaggerUiConfiguration {

    static final String GATEWAY_DOCUMENT = "gateway";

    @Bean
    SmartInitializingSingleton serviceDocumentsInSwaggerUi(SwaggerUiConfigProperties swaggerUi,
                                                           SpringDocConfigProperties springDoc,
                                                           GatewayProperties properties) {
        return () -> {
            Set<SwaggerUrl> documents = new LinkedHashSet<>();
            // The display name is what the UI lists and what urls.primaryName must match.
            documents.add(new SwaggerUrl(GATEWAY_DOCUMENT, springDoc.getApiDocs().getPath(), GATEWAY_DOCUMENT));
            properties.enabledServices().keySet().forEach(service ->
                    documents.add(new SwaggerUrl(service, GatewayProperties.openApiPath(service), service)));
            swaggerUi.setUrls(documents);
            swaggerUi.setUrlsPrimaryName(GATEWAY_DOCUMENT);
        };
    }
}
