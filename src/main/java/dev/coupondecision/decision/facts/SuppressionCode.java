package dev.coupondecision.decision.facts;

/**
 * Reasons a customer must not be messaged now; all but {@code FREQUENCY_CAP} are hard suppressions. {@code HOLDOUT}:
 * the customer is in the campaign's control group, decided as usual (coupon included) but not sent, so the report can
 * measure what the message caused.
 */
public enum SuppressionCode {
    NO_CONSENT, UNSUBSCRIBED, NO_OFFER, DUPLICATE_CAMPAIGN, FREQUENCY_CAP, HOLDOUT;

    public boolean isHard() {
        return this != FREQUENCY_CAP;
    }
}
