package dev.coupondecision.decision.facts;

/** Why a message is sent: a regular promotion or a win-back (recall) campaign. */
public enum CampaignType {
    PROMOTION, RECALL
}
