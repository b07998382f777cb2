package dev.coupondecision.outcome;

import dev.coupondecision.decision.facts.CampaignType;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One outcome as the CRM reports it. Identified by customer, campaign, type and moment, so posting it again records
 * nothing new; matched to decisions by customer and campaign (the decision id is kept as given).
 *
 * @param campaignType of a SENT message, for the frequency caps; when absent, that of the customer's logged decision
 *                     in the campaign, else PROMOTION
 * @param orderAmount  the order a REDEEMED coupon was used on
 */
public record Outcome(String decisionId, String customerId, String campaignId, OutcomeType type, Instant at,
                      BigDecimal orderAmount, CampaignType campaignType) {
}
