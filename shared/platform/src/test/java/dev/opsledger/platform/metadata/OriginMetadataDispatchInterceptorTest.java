package dev.opsledger.platform.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsledger.platform.core.trace.TraceParent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class OriginMetadataDispatchInterceptorTest {

    private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final OriginMetadataDispatchInterceptor<CommandMessage<?>> interceptor =
            new OriginMetadataDispatchInterceptor<>("release-service");

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        MDC.clear();
    }

    @Test
    void givenAuthenticatedWebRequest_whenCommandDispatched_thenActorFromTokenAndRequestIdFromMdc() {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256")
                .subject("8f1c-sub").claim("preferred_username", "alice")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_developer"))));
        MDC.put(MetadataKeys.MDC_REQUEST_ID, "req-123");

        CommandMessage<?> command = dispatch(new GenericCommandMessage<>("request promotion"));

        assertThat(command.getMetaData())
                .containsEntry(MetadataKeys.ACTOR_ID, "8f1c-sub")
                .containsEntry(MetadataKeys.ACTOR_NAME, "alice")
                .containsEntry(MetadataKeys.REQUEST_ID, "req-123")
                .containsEntry(MetadataKeys.CORRELATION_ID, command.getIdentifier());
    }

    @Test
    void givenNoWebRequestAndNoCurrentMessage_whenCommandDispatched_thenActorIsSystem() {
        CommandMessage<?> command = dispatch(new GenericCommandMessage<>("expire grants"));

        assertThat(command.getMetaData())
                .containsEntry(MetadataKeys.ACTOR_ID, "system")
                .containsEntry(MetadataKeys.ACTOR_NAME, "release-service")
                .doesNotContainKey(MetadataKeys.REQUEST_ID);
    }

    @Test
    void givenCommandSentWhileHandlingAnotherMessage_whenDispatched_thenInheritedOriginIsKept() {
        // What a saga's command looks like: Axon already merged the handled event's correlation data.
        CommandMessage<?> fromSaga = new GenericCommandMessage<>("take backup").andMetaData(Map.of(
                MetadataKeys.ACTOR_ID, "u-42", MetadataKeys.ACTOR_NAME, "alice",
                MetadataKeys.REQUEST_ID, "req-1", MetadataKeys.CORRELATION_ID, "root-1",
                MetadataKeys.CAUSATION_ID, "event-9", MetadataKeys.TRACEPARENT, TRACE));
        MDC.put(MetadataKeys.MDC_REQUEST_ID, "some-other-request");
        MDC.put(MetadataKeys.TRACEPARENT, "00-11111111111111111111111111111111-2222222222222222-01");

        CommandMessage<?> command = dispatch(fromSaga);

        assertThat(command.getMetaData()).isEqualTo(fromSaga.getMetaData());
    }

    @Test
    void givenAnonymousAuthentication_whenDispatched_thenActorIsSystem() {
        SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.AnonymousAuthenticationToken(
                        "key", "anonymousUser", List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));

        assertThat(dispatch(new GenericCommandMessage<>("x")).getMetaData())
                .containsEntry(MetadataKeys.ACTOR_ID, "system");
    }

    @Test
    void givenWebRequestOnATrace_whenCommandDispatched_thenTheCommandCarriesTheRequestsTraceparent() {
        MDC.put(MetadataKeys.TRACEPARENT, TRACE);

        assertThat(dispatch(new GenericCommandMessage<>("request promotion")).getMetaData())
                .containsEntry(MetadataKeys.TRACEPARENT, TRACE);
    }

    @Test
    void givenNoTraceAnywhere_whenCommandsDispatched_thenEachStartsANewWellFormedTrace() {
        MDC.put(MetadataKeys.TRACEPARENT, "not-a-traceparent");

        String first = MetadataKeys.text(dispatch(new GenericCommandMessage<>("x")).getMetaData(), MetadataKeys.TRACEPARENT);
        MDC.clear();
        String second = MetadataKeys.text(dispatch(new GenericCommandMessage<>("y")).getMetaData(), MetadataKeys.TRACEPARENT);

        assertThat(TraceParent.parse(first)).isPresent();
        assertThat(TraceParent.parse(second)).isPresent();
        assertThat(TraceParent.parse(first).orElseThrow().traceId())
                .isNotEqualTo(TraceParent.parse(second).orElseThrow().traceId());
    }

    private CommandMessage<?> dispatch(CommandMessage<?> message) {
        return interceptor.handle(List.of(message)).apply(0, message);
    }
}
