package dev.coupondecision.batch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request of a batch: its 1-based line number (element number for a JSON array) and either its raw NDJSON
 * bytes, its already-parsed JSON element, or why it could not be read (with what was known when reading stopped).
 */
record BatchLine(long number, byte[] json, JsonNode tree, Unreadable unreadable, String detail) {

    /** Why a line could not be read at all. */
    enum Unreadable { TOO_LONG, OVER_LIMIT, MALFORMED_INPUT }

    static BatchLine json(long number, byte[] json) {
        return new BatchLine(number, json, null, null, null);
    }

    static BatchLine tree(long number, JsonNode tree) {
        return new BatchLine(number, null, tree, null, null);
    }

    static BatchLine unreadable(long number, Unreadable why, String detail) {
        return new BatchLine(number, null, null, why, detail);
    }
}
