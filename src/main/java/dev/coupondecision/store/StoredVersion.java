package dev.coupondecision.store;

import java.time.Instant;

/**
 * One ruleset the gate checked, as the history lists it: its version (the content hash decisions name), whether it
 * passed, who made it from where, and when it was last activated (null if never).
 *
 * @param state ACTIVE (serving now), PASSED (may be activated), PREVIOUS (was active before), REJECTED (failed the gate)
 */
public record StoredVersion(String version, State state, Instant createdAt, String createdBy, String source,
                            String comment, Instant activatedAt, String activatedBy) {

    public enum State { ACTIVE, PASSED, PREVIOUS, REJECTED }
}
