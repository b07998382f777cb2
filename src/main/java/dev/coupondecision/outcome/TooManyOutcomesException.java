package dev.coupondecision.outcome;

/** More outcomes in one request than POST /outcomes takes. */
public final class TooManyOutcomesException extends RuntimeException {
    TooManyOutcomesException(int count, int max) {
        super(count + " outcomes in one request; at most " + max + ": split the upload");
    }
}
