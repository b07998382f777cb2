package dev.coupondecision.batch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request of a batch: its 1-based line number (element number for a JSON array) and either its raw
 * NDJSON text, its already-parsed JSON element, or why it could not be read.
 */
record BatchLine(long number, String text, JsonNode tree, Unreadable unreadable) {

    /** Why a line could not be read at all. */
    enum Unreadable { TOO_LONG, OVER_LIMIT, MALFORMED_INPUT }

    static BatchLine text(long number, String text) {
        return new BatchLine(number, text, null, null);
    }

    static BatchLine tree(long number, JsonNode tree) {
        return new BatchLine(number, null, tree, null);
    }

    static BatchLine unreadable(long number, Unreadable why, String detail) {
        return new BatchLine(number, detail, null, why);
    }
}
