package dev.coupondecision.decision.request;

import dev.coupondecision.problem.Violation;

import java.util.List;

/** A request that cannot be decided, with every violation found in it. */
public class InvalidRequestException extends RuntimeException {
    private final transient List<Violation> violations;
    private final String customerId;

    /** @param customerId the request's customer id when that field was valid, else null */
    public InvalidRequestException(List<Violation> violations, String customerId) {
        super(violations.size() + " invalid field(s): "
                + String.join(", ", violations.stream().map(Violation::field).toList()));
        this.violations = List.copyOf(violations);
        this.customerId = customerId;
    }

    /** Whom the request was for, when its customerId was valid: a batch's error line names the customer. */
    public String customerId() {
        return customerId;
    }

    public List<Violation> violations() {
        return violations;
    }
}
