package dev.coupondecision.decisionlog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the decision log: the decision's keys, the columns the campaign report groups by, the request (or only
 * its hash) and the answer as JSON.
 */
record LogEntry(String decisionId, Instant decidedAt, String customerId, String campaignId, String campaignType,
                String rulesetVersion, String request, String requestSha256, boolean eligible, boolean holdout,
                String tier, String couponType, BigDecimal amountOff, BigDecimal percentOff, String experiment,
                String variant, String couponRule, String couponSource, String decision) {
}
