package dev.opsledger.access.grant.api;

import org.axonframework.serialization.Revision;

/**
 * An answer the grant no longer waits for (a second one, one after its deadline, one to an earlier
 * attempt or after the grant moved on): kept in the history, and nothing else changes.
 *
 * @param answer what the answer said
 * @param why    why it changes nothing
 */
@Revision("1")
public record AccessTaskAnswerIgnored(String grantId, String requestId, String answer, String why) {
}
