package dev.opsledger.platform.error;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.opsledger.platform.web.OpsLedgerWebAutoConfiguration;
import dev.opsledger.platform.web.RequestIdFilter;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every mapping of the problem-details handler, through MVC as a client sees it. Security is not loaded here. */
@WebMvcTest
@ContextConfiguration(classes = ProblemDetailsExceptionHandlerTest.TestApp.class)
@ImportAutoConfiguration({OpsLedgerWebAutoConfiguration.class, OpsLedgerErrorAutoConfiguration.class})
class ProblemDetailsExceptionHandlerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void givenInvalidBody_whenPosted_thenValidationProblemListsEachField() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"count\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("validation.failed"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.instance").value("/things"))
                .andExpect(jsonPath("$.requestId").value(notNullValue()))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].reason").value("must not be blank"))
                .andExpect(jsonPath("$.errors[?(@.field == 'count')].reason").exists());
    }

    @Test
    void givenInvalidQueryParameter_whenCalled_thenHandlerMethodValidationIsAValidationProblem() throws Exception {
        mvc.perform(get("/things").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("1")));
    }

    @Test
    void givenConstraintViolationFromAService_whenThrown_thenValidationProblemNamesThePropertyPath() throws Exception {
        mvc.perform(get("/throw/constraint-violation"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation.failed"))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].field").value("count"))
                .andExpect(jsonPath("$.errors[1].field").value("name"));
    }

    @Test
    void givenMalformedJson_whenPosted_thenValidationProblemWithoutParserDetails() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(content().string(not(containsString("tools.jackson"))));
    }

    @Test
    void givenWrongJsonType_whenPosted_thenValidationProblemNamesTheField() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"a\",\"count\":\"many\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("count"));
    }

    @Test
    void givenValueItsTypeCannotParse_whenPosted_thenValidationProblemNamesTheField() throws Exception {
        // A Duration's parser fails below Jackson (DateTimeParseException): the field is on the Jackson error above it.
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"a\",\"count\":1,\"every\":\"forever\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("every"))
                .andExpect(jsonPath("$.errors[0].reason").value("has the wrong type or format"));
    }

    @Test
    void givenPathVariableOfWrongType_whenCalled_thenValidationProblemNamesTheParameter() throws Exception {
        mvc.perform(get("/things/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation.failed"))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be a valid long"));
    }

    @Test
    void givenBusinessRuleViolation_whenThrown_thenItsStatusCodeAndDetailsAreAnswered() throws Exception {
        mvc.perform(get("/throw/business-rule"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("release.frozen"))
                .andExpect(jsonPath("$.detail").value("prod is frozen until Monday"))
                .andExpect(jsonPath("$.environment").value("prod"))
                // a detail may not overwrite a standard member
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.instance").value("/throw/business-rule"));
    }

    @Test
    void givenBusinessRuleViolationInAnAggregate_whenSentAndWaitedOnALocalBus_thenItsOwnCodeIsAnswered()
            throws Exception {
        mvc.perform(post("/gadgets/g-1"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("gadget.duplicate"))
                .andExpect(jsonPath("$.detail").value("gadget g-1 exists"));
    }

    @Test
    void givenBusinessRuleViolationInAnAggregate_whenSentAsynchronously_thenTheCompletionWrapperIsUnwrapped()
            throws Exception {
        mvc.perform(post("/gadgets/g-1/async"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("gadget.duplicate"));
    }

    @Test
    void givenCommandExecutionExceptionWithViolationAsDetails_whenThrown_thenTheViolationIsAnswered()
            throws Exception {
        mvc.perform(get("/throw/command-execution-details"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("approval.four-eyes"));
    }

    @Test
    void givenCommandExecutionExceptionWithViolationAsCause_whenThrown_thenTheViolationIsAnswered()
            throws Exception {
        mvc.perform(get("/throw/command-execution-cause"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("release.unknown"));
    }

    @Test
    void givenUnknownAggregate_whenCommandSent_thenNotFound() throws Exception {
        mvc.perform(post("/gadgets/missing/rename"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"))
                .andExpect(jsonPath("$.detail").value(containsString("missing")));
    }

    @Test
    void givenNotFoundException_whenThrown_thenNotFoundWithItsCode() throws Exception {
        mvc.perform(get("/throw/not-found"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"))
                .andExpect(jsonPath("$.detail").value("release 42 does not exist"));
    }

    @Test
    void givenAxonConcurrencyException_whenThrown_thenConflictConcurrentModification() throws Exception {
        mvc.perform(get("/throw/concurrency"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("concurrent-modification"));
    }

    @Test
    void givenDuplicateKeyFromALookupTable_whenThrown_thenConflictConcurrentModification() throws Exception {
        mvc.perform(get("/throw/duplicate-key"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("concurrent-modification"))
                .andExpect(content().string(not(containsString("uq_release_version"))));
    }

    @Test
    void givenUnexpectedException_whenThrown_thenGeneric500WithRequestIdAndNoInternals() throws Exception {
        mvc.perform(get("/throw/unexpected").header(RequestIdFilter.HEADER, "req-500"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("internal-error"))
                .andExpect(jsonPath("$.requestId").value("req-500"))
                .andExpect(header().string(RequestIdFilter.HEADER, "req-500"))
                .andExpect(content().string(not(containsString("database password"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))))
                .andExpect(content().string(not(containsString("at dev.opsledger"))));
    }

    @Test
    void givenUnknownPath_whenCalled_thenNotFoundProblemWithInstanceAndRequestId() throws Exception {
        mvc.perform(get("/nowhere"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.instance").value("/nowhere"))
                .andExpect(jsonPath("$.requestId").value(notNullValue()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/throw/database-down", "/throw/database-restarting", "/throw/database-gone-at-commit"})
    void givenTheDatabaseUnreachable_whenACommandFails_then503WithRetryAfterNot500(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("service-unavailable"));
    }

    // ---- the application under test --------------------------------------------------------

    @Configuration(proxyBeanMethods = false)

    @Import(ThrowingController.class)
    static class TestApp {

        @Bean
        CommandGateway commandGateway() {
            SimpleCommandBus bus = SimpleCommandBus.builder().build();
            EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
                    .storageEngine(new InMemoryEventStorageEngine()).build();
            EventSourcingRepository<Gadget> repository = EventSourcingRepository.builder(Gadget.class)
                    .eventStore(eventStore).build();
            AggregateAnnotationCommandHandler.<Gadget>builder()
                    .aggregateType(Gadget.class).repository(repository).build().subscribe(bus);
            return DefaultCommandGateway.builder().commandBus(bus).build();
        }
    }

    record Thing(@NotBlank String name, @Min(1) int count, java.time.Duration every) {
    }

    record CreateGadget(String id) {
    }

    record RenameGadget(@TargetAggregateIdentifier String id) {
    }

    /** Refuses every creation: enough to see how a violation thrown in an aggregate travels. */
    static class Gadget {

        @AggregateIdentifier
        private String id;

        Gadget() {
        }

        @CommandHandler
        Gadget(CreateGadget command) {
            throw BusinessRuleViolation.conflict("gadget.duplicate", "gadget " + command.id() + " exists");
        }

        @CommandHandler
        void handle(RenameGadget command) {
            // never reached: no gadget exists
        }
    }

    @RestController
    static class ThrowingController {

        private final CommandGateway commandGateway;

        ThrowingController(CommandGateway commandGateway) {
            this.commandGateway = commandGateway;
        }

        @PostMapping("/things")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/things")
        String list(@RequestParam @Min(1) int limit) {
            return "ok";
        }

        @GetMapping("/things/{id}")
        String one(@PathVariable long id) {
            return "ok";
        }

        @PostMapping("/gadgets/{id}")
        void createGadget(@PathVariable String id) {
            commandGateway.sendAndWait(new CreateGadget(id));
        }

        @PostMapping("/gadgets/{id}/async")
        void createGadgetAsync(@PathVariable String id) {
            CompletableFuture<Object> result = commandGateway.send(new CreateGadget(id));
            result.join();
        }

        @PostMapping("/gadgets/{id}/rename")
        void renameGadget(@PathVariable String id) {
            commandGateway.sendAndWait(new RenameGadget(id));
        }

        @GetMapping("/throw/constraint-violation")
        void constraintViolation() {
            try (var factory = Validation.buildDefaultValidatorFactory()) {
                throw new ConstraintViolationException(factory.getValidator().validate(new Thing("", 0, null)));
            }
        }

        @GetMapping("/throw/business-rule")
        void businessRule() {
            throw new BusinessRuleViolation(BusinessRuleViolation.Kind.UNPROCESSABLE, "release.frozen",
                    "prod is frozen until Monday", Map.of("environment", "prod", "status", 200));
        }

        @GetMapping("/throw/command-execution-details")
        void commandExecutionDetails() {
            throw new CommandExecutionException("remote handler failed", null,
                    BusinessRuleViolation.forbidden("approval.four-eyes", "requester may not approve"));
        }

        @GetMapping("/throw/command-execution-cause")
        void commandExecutionCause() {
            throw new CommandExecutionException("handler failed",
                    BusinessRuleViolation.notFound("release.unknown", "no release r-9"));
        }

        @GetMapping("/throw/not-found")
        void notFound() {
            throw NotFoundException.of("release", 42);
        }

        @GetMapping("/throw/concurrency")
        void concurrency() {
            throw new ConcurrencyException("event for aggregate a-1 at sequence 3 was already inserted");
        }

        @GetMapping("/throw/duplicate-key")
        void duplicateKey() {
            throw new DuplicateKeyException("duplicate key value violates unique constraint uq_release_version");
        }

        @GetMapping("/throw/database-down")
        void databaseDown() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        }

        @GetMapping("/throw/database-restarting")
        void databaseRestarting() {
            throw new CommandExecutionException("handler failed", new IllegalStateException("store failed",
                    new java.sql.SQLException("terminating connection due to administrator command", "57P01")));
        }

        /** PostgreSQL stopped between the command's writes and its commit (found by PostgresRestartFaultIT). */
        @GetMapping("/throw/database-gone-at-commit")
        void databaseGoneAtCommit() {
            throw new TransactionSystemException("JDBC rollback failed", new java.sql.SQLException("Connection is closed"));
        }

        @GetMapping("/throw/unexpected")
        void unexpected() {
            throw new IllegalStateException("database password is hunter2");
        }
    }
}
