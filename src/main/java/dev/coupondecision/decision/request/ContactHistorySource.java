package dev.coupondecision.decision.request;

/** Where the contact history of a decision came from. */
public enum ContactHistorySource {
    /** The request's own {@code contactHistory} (an empty list included). */
    REQUEST,
    /** The request had no {@code contactHistory} field: the SENT outcomes recorded for the customer were used. */
    RECORDED,
    /** No {@code contactHistory} field and no recorded sends consulted (offline checks, or the decision log off). */
    NONE
}
