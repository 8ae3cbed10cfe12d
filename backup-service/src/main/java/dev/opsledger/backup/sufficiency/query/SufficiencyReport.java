package dev.opsledger.backup.sufficiency.query;

import java.time.Instant;
import java.util.List;

/** The daily question, answered for every target at {@code assessedAt}. */
public record SufficiencyReport(Instant assessedAt, int targets, int compliant, int atRisk, int breached,
                                int unprotected, List<SufficiencyEntry> entries) {
}
