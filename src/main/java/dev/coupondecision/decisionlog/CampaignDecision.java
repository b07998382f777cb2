package dev.coupondecision.decisionlog;

import java.math.BigDecimal;
import java.time.Instant;

/** What the campaign report needs of one logged decision. */
public record CampaignDecision(String customerId, Instant decidedAt, boolean holdout, boolean eligible, String tier,
                               String couponType, BigDecimal amountOff, BigDecimal percentOff, String experiment,
                               String variant, String couponRule, String couponSource) {
}
