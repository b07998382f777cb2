package dev.coupondecision.decision.facts;

import java.util.Objects;

/** Inserted by the tier table's winning row; the decision flow copies it onto the {@link Decision}. */
public final class TierAssignment {
    private final Tier tier;

    public TierAssignment(Tier tier) {
        this.tier = Objects.requireNonNull(tier, "tier");
    }

    public Tier getTier() {
        return tier;
    }
}
