package dev.coupondecision.decision.request;

import dev.coupondecision.problem.Violation;

import java.util.List;

/** A request that cannot be decided, with every violation found in it. */
public class InvalidRequestException extends RuntimeException {
    private final transient List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(violations.size() + " invalid field(s): "
                + String.join(", ", violations.stream().map(Violation::field).toList()));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
