package dev.coupondecision.upload;

import dev.coupondecision.problem.Violation;

import java.util.List;

/** Uploaded rule files that cannot be checked; each violation names the part and its file name. */
public class InvalidUploadException extends RuntimeException {
    private final transient List<Violation> violations;

    public InvalidUploadException(List<Violation> violations) {
        super(violations.size() + " uploaded parts were rejected");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
