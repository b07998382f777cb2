package dev.coupondecision.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * A named regression case: a decision request and the parts of the response it pins. {@code expect} is
 * matched as a subset of the actual response: every field it names must be there with that value; fields
 * it leaves out are not checked. Arrays are compared element by element and must have the same length.
 */
public record Scenario(String file, String name, String description, JsonNode request, JsonNode expect) {

    public Scenario {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(expect, "expect");
    }
}
