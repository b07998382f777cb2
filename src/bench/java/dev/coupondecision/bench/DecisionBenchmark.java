package dev.coupondecision.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.config.JsonConfig;
import dev.coupondecision.decision.CustomerFacts;
import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.facts.ContactHistory;
import dev.coupondecision.decision.facts.Customer;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.reference.ReferencePolicy;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.ruleset.RuleOutcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One decision at a time, on one thread, cycling through {@value #PROFILES} pre-parsed requests of
 * {@link BenchProfiles}: (a) the full decision through Drools (facts, rules, send-window planning, response
 * record) against the plain-Java {@link ReferencePolicy}; (b) the raw engine call alone, with the facts derived
 * beforehand, and the fixed cost of one stateless execute with no facts; and what a request costs in process
 * around the decision on the HTTP path (JSON bytes in, parse and validate, decide, JSON bytes out), for the
 * service and for the floor server's work.
 *
 * <p>Throughput is in operations per microsecond (x 1,000,000 = per second); SampleTime gives percentiles.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionBenchmark {
    static final int PROFILES = 1024;

    @State(Scope.Benchmark)
    public static class Data {
        CompiledRuleset ruleset;
        DecisionRequest[] requests;
        Customer[] customers;
        ContactHistory[] histories;
        byte[][] bodies;
        ObjectWriter responseWriter;
        FloorServer.Handler floor;

        @Setup
        public void setUp() {
            BenchLogging.quiet();
            ruleset = ReferenceRuleset.get();
            List<String> json = BenchProfiles.json(PROFILES, BenchProfiles.SEED);
            requests = new DecisionRequest[PROFILES];
            customers = new Customer[PROFILES];
            histories = new ContactHistory[PROFILES];
            bodies = new byte[PROFILES][];
            for (int i = 0; i < PROFILES; i++) {
                bodies[i] = json.get(i).getBytes(StandardCharsets.UTF_8);
                requests[i] = BenchProfiles.parse(json.get(i));
                customers[i] = CustomerFacts.customer(requests[i]);
                histories[i] = CustomerFacts.history(requests[i]);
            }
            ObjectMapper mapper = JsonConfig.configure(new ObjectMapper()); // as the service's
            responseWriter = mapper.writerFor(DecisionResponse.class);
            floor = new FloorServer.Handler(BenchProfiles.PARSER, mapper);
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        int next() {
            int i = next;
            next = (i + 1) & (PROFILES - 1);
            return i;
        }
    }

    /** (a) The full decision through Drools, as /decide and the batch make it (without metrics). */
    @Benchmark
    public DecisionResponse fullDecisionDrools(Data data, Cursor cursor) {
        return Decider.decide(data.requests[cursor.next()], data.ruleset);
    }

    /** (a) The same policy in plain Java (ReferencePolicy.Result, not yet a response record). */
    @Benchmark
    public ReferencePolicy.Result fullDecisionReference(Data data, Cursor cursor) {
        return ReferencePolicy.decide(data.requests[cursor.next()]);
    }

    /** (a) The plain-Java policy plus the floor server's response record (ids, formatted instants, messages). */
    @Benchmark
    public DecisionResponse fullDecisionReferenceResponse(Data data, Cursor cursor) {
        return data.floor.respond(data.requests[cursor.next()]);
    }

    /** (b) The raw engine call: one stateless execute with its fired-rule listener, facts derived beforehand. */
    @Benchmark
    public RuleOutcome engineEvaluate(Data data, Cursor cursor) {
        int i = cursor.next();
        return data.ruleset.evaluate(data.customers[i], data.histories[i]);
    }

    /** In process, the /decide work around HTTP: bytes → validated request → Drools decision → bytes. */
    @Benchmark
    public byte[] httpWorkDrools(Data data, Cursor cursor) throws IOException {
        DecisionRequest request = BenchProfiles.PARSER.parse(data.bodies[cursor.next()]);
        return data.responseWriter.writeValueAsBytes(Decider.decide(request, data.ruleset));
    }

    /** In process, the floor server's work: bytes → validated request → reference decision → bytes. */
    @Benchmark
    public byte[] httpWorkFloor(Data data, Cursor cursor) throws IOException {
        return data.floor.handle(data.bodies[cursor.next()]).body();
    }
}
