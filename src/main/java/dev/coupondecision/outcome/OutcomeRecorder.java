package dev.coupondecision.outcome;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Records the outcomes of one POST /outcomes body; a bad element is reported and the others are recorded. */
@ApplicationScoped
public class OutcomeRecorder {
    private final OutcomeParser parser;
    private final OutcomeStore store;

    public OutcomeRecorder(ObjectMapper json, OutcomeStore store) {
        this.parser = new OutcomeParser(json);
        this.store = store;
    }

    /**
     * @throws IOException              when a JSON array body is malformed
     * @throws IllegalArgumentException when a JSON body is not an array
     */
    public OutcomeReceipt record(String body, boolean ndjson) throws IOException {
        List<OutcomeParser.Parsed> parsed = ndjson ? parser.ndjson(body) : parser.array(body);
        List<Outcome> valid = new ArrayList<>(parsed.size());
        List<OutcomeReceipt.Rejected> rejected = new ArrayList<>();
        for (OutcomeParser.Parsed one : parsed) {
            if (one.outcome() != null) {
                valid.add(one.outcome());
            } else {
                rejected.add(new OutcomeReceipt.Rejected(one.number(), one.problem()));
            }
        }
        OutcomeStore.Recorded recorded = valid.isEmpty() ? new OutcomeStore.Recorded(0, 0) : store.record(valid);
        return new OutcomeReceipt(parsed.size(), recorded.recorded(), recorded.duplicates(), rejected);
    }
}
