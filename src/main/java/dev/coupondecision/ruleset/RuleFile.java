package dev.coupondecision.ruleset;

import java.util.Objects;

/** One rule source as read from disk: a DRL file or an XLSX decision table, with the SHA-256 of its bytes. */
public record RuleFile(String name, Kind kind, byte[] content, String sha256) {

    public enum Kind { DRL, XLSX }

    public RuleFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(sha256, "sha256");
    }
}
