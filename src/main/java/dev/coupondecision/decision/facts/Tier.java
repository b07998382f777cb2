package dev.coupondecision.decision.facts;

/** Customer segments, from the RFM and lifecycle tier table. */
public enum Tier {
    PROSPECT, COLD_LEAD, CHURNED, DORMANT, AT_RISK, HIGH_VALUE, NEW, ACTIVE
}
