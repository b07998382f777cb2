package dev.coupondecision.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.config.JsonConfig;
import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.RequestJson;

import java.io.IOException;
import java.util.List;

/**
 * What a decision-log row holds on the bench profiles: the request as the log writes it and the answer as the client
 * got it, in bytes on average, and how much of the answer is its fired rules (sources and the fields they set).
 *
 * <p>{@code mvn -B -Pbench test-compile exec:exec -Dbench.main=dev.coupondecision.bench.LogRowSize -Djmh.args=1000}
 */
public final class LogRowSize {
    private LogRowSize() {
    }

    public static void main(String[] args) throws IOException {
        BenchLogging.quiet();
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        ObjectMapper json = JsonConfig.configure(new ObjectMapper());
        long request = 0;
        long answer = 0;
        long firedRules = 0;
        List<String> profiles = BenchProfiles.json(count, BenchProfiles.SEED);
        for (String profile : profiles) {
            DecisionRequest decided = BenchProfiles.parse(profile);
            String text = json.writeValueAsString(Decider.decide(decided, ReferenceRuleset.get()));
            JsonNode fired = json.readTree(text).get("firedRules");
            request += RequestJson.write(decided).length();
            answer += text.length();
            firedRules += json.writeValueAsString(fired).length();
        }
        System.out.printf("%d profiles, per row: request %d B, answer %d B, of which fired rules %d B%n", count,
                request / count, answer / count, firedRules / count);
    }
}
