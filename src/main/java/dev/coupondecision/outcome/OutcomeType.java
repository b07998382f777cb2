package dev.coupondecision.outcome;

/** What happened after a decision: the message was sent, or the coupon was redeemed (an order placed with it). */
public enum OutcomeType {
    SENT, REDEEMED
}
