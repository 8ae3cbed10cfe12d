package dev.opsledger.testkit;

import dev.opsledger.platform.core.error.CodedFailure;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;

/**
 * Matches the stable code of a rejected command in an Axon fixture
 * ({@code expectException(violation("application.not-found"))}), which is what clients switch on.
 */
public final class Violations {

    private Violations() {
    }

    public static Matcher<Object> violation(String code) {
        return Matchers.predicate(e -> e instanceof CodedFailure failure && code.equals(failure.code()));
    }
}
