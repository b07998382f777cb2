package dev.coupondecision.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.config.JsonConfig;
import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.DecisionIds;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.RequestJson;
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
 * The steps of a /decide request's own work around the engine, each alone, on the {@value #PROFILES} bench
 * profiles: reading the body (bytes to a validated request) next to the floor under it (the tokens alone), the
 * decision id, the response's JSON and the decision log's copy of the request. Average time per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RequestPathBenchmark {
    static final int PROFILES = 1024;

    private byte[][] bodies;
    private DecisionRequest[] requests;
    private DecisionResponse[] responses;
    private ObjectReader reader;
    private ObjectWriter responseWriter;
    private int next;

    @Setup
    public void setUp() throws IOException {
        BenchLogging.quiet();
        List<String> json = BenchProfiles.json(PROFILES, BenchProfiles.SEED);
        ObjectMapper mapper = JsonConfig.configure(new ObjectMapper()); // as the service's
        reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        responseWriter = mapper.writerFor(DecisionResponse.class);
        bodies = new byte[PROFILES][];
        requests = new DecisionRequest[PROFILES];
        responses = new DecisionResponse[PROFILES];
        for (int i = 0; i < PROFILES; i++) {
            bodies[i] = json.get(i).getBytes(StandardCharsets.UTF_8);
            requests[i] = BenchProfiles.PARSER.parse(bodies[i]);
            responses[i] = Decider.decide(requests[i], ReferenceRuleset.get());
        }
    }

    private int next() {
        int i = next;
        next = (i + 1) & (PROFILES - 1);
        return i;
    }

    /** Bytes to a validated request, as /decide and the batch read a body. */
    @Benchmark
    public DecisionRequest readRequest() throws IOException {
        return BenchProfiles.PARSER.parse(bodies[next()]);
    }

    /** The floor under any parser of these bodies: Jackson's tokens alone, each name, string and number read. */
    @Benchmark
    public int tokensOnly() throws IOException {
        int n = 0;
        try (JsonParser p = reader.createParser(bodies[next()])) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
                    n += p.getText().length();
                } else if (t == JsonToken.VALUE_NUMBER_INT) {
                    n += p.getIntValue();
                }
            }
        }
        return n;
    }

    /** The decision id of a validated request. */
    @Benchmark
    public String decisionId() {
        return DecisionIds.of(requests[next()], "e7e511a30ef9");
    }

    /** The response record to JSON bytes. */
    @Benchmark
    public byte[] writeResponse() throws IOException {
        return responseWriter.writeValueAsBytes(responses[next()]);
    }

    /** The request as the decision log keeps it. */
    @Benchmark
    public String requestForLog() {
        return RequestJson.write(requests[next()]);
    }
}
