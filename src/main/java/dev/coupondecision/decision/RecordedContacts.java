package dev.coupondecision.decision;

import dev.coupondecision.decision.request.DecisionRequest;

import java.time.Instant;
import java.util.List;

/**
 * The messages recorded as sent to a customer (SENT outcomes), used as the contact history of a request that has
 * none, so that frequency caps hold across replicas without the CRM sending the history.
 */
public interface RecordedContacts {

    /** No recorded sends: requests without contactHistory are decided on an empty one. */
    RecordedContacts NONE = new RecordedContacts() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public List<DecisionRequest.Contact> sentTo(String customerId, Instant asOf) {
            return List.of();
        }
    };

    /** Whether sends are recorded at all (the decision log and outcomes switched on). */
    boolean enabled();

    /** The sends recorded for the customer up to {@code asOf}, newest first (blocking: a database read). */
    List<DecisionRequest.Contact> sentTo(String customerId, Instant asOf);
}
