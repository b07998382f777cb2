package dev.coupondecision.decisionlog;

import java.time.Instant;

/** A logged decision as read back: the request (null when only its hash was kept) and the answer, as JSON text. */
public record StoredDecision(String decisionId, Instant decidedAt, String customerId, String campaignId,
                             String rulesetVersion, boolean holdout, String request, String requestSha256,
                             String decision) {
}
