package dev.coupondecision.decision.facts;

/** Reasons a customer must not be messaged now; all but {@code FREQUENCY_CAP} are hard suppressions. */
public enum SuppressionCode {
    NO_CONSENT, UNSUBSCRIBED, NO_OFFER, DUPLICATE_CAMPAIGN, FREQUENCY_CAP;

    public boolean isHard() {
        return this != FREQUENCY_CAP;
    }
}
