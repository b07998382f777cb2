package dev.coupondecision.decision.facts;

import java.util.Objects;

/**
 * Inserted by the holdout table's row for the campaign: customers whose bucket in {@code experiment} (0-99, as for
 * A/B variants) is below {@code percent} form the campaign's control group (rules/eligibility.drl holds them out).
 */
public final class HoldoutGroup {
    private final String experiment;
    private final int percent;

    public HoldoutGroup(String experiment, int percent) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("holdout percent " + percent + " is not within 0-100");
        }
        this.percent = percent;
    }

    public String getExperiment() { return experiment; }
    public int getPercent() { return percent; }
}
