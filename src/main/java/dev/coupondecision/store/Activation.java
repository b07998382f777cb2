package dev.coupondecision.store;

import java.time.Instant;

/** An entry of the audit trail: a version made active, by whom, why, and what served before. */
public record Activation(long id, String version, Instant activatedAt, String activatedBy, String comment,
                         String previousVersion) {
}
