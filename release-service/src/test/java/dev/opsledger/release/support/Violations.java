package dev.opsledger.release.support;

import dev.opsledger.platform.error.BusinessRuleViolation;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;

/** Matches the stable code of a rejected command, which is what clients switch on. */
public final class Violations {

    private Violations() {
    }

    public static Matcher<Object> violation(String code) {
        return Matchers.predicate(e -> e instanceof BusinessRuleViolation v && v.code().equals(code));
    }
}
