package dev.coupondecision.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.config.JsonConfig;
import dev.coupondecision.decision.DecisionMetrics;
import dev.coupondecision.decision.DecisionService;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.ruleset.CompiledRuleset;
import dev.coupondecision.tables.RulesetCopy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch decider without HTTP: a line the engine cannot decide becomes its own error line, nothing more. */
class BatchDeciderTest {
    private static final ObjectMapper JSON = JsonConfig.configure(new ObjectMapper());

    @TempDir
    Path dir;

    @Test
    void aLineThatMakesTheEngineThrowIsItsOwnErrorLineAndTheRestAreDecided() throws IOException {
        RulesetCopy copy = RulesetCopy.of(dir);
        // a rule whose consequence throws for one customer, as a broken rule or engine fault would
        Files.writeString(copy.drl("faulty.drl"), """
                package dev.coupondecision.rules.faulty;
                import dev.coupondecision.decision.facts.*;
                rule "Faulty"
                    ruleflow-group "segment"
                when
                    Customer(customerId == "boom")
                then
                    TimeWindow.parse("not a window");
                end
                """);
        CompiledRuleset ruleset = copy.check().compiled();
        var pool = Executors.newFixedThreadPool(2);
        try {
            BatchDecider decider = new BatchDecider(JSON, new RequestParser(Clock.systemUTC(), ZoneId.of("Asia/Shanghai")),
                    DecisionService.unrecorded(() -> ruleset, new DecisionMetrics(new SimpleMeterRegistry())),
                    new DecisionMetrics(new SimpleMeterRegistry()), pool, 2, new BatchLimits(200_000, 262_144));
            String body = IntStream.rangeClosed(1, 600).mapToObj(i -> profile(i == 300 ? "boom" : "b-" + i))
                    .collect(Collectors.joining("\n"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            decider.decide(decider.ndjsonReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))), out, ruleset);

            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                lines.add(JSON.readTree(line));
            }
            assertThat(lines).hasSize(600);
            assertThat(lines).filteredOn(l -> l.has("error")).singleElement().satisfies(line -> {
                assertThat(line.get("line").asInt()).isEqualTo(300);
                assertThat(line.get("customerId").asText()).isEqualTo("boom");
                assertThat(line.at("/error/status").asInt()).isEqualTo(500);
                assertThat(line.at("/error/type").asText()).endsWith("/decision-failed");
            });
        } finally {
            pool.shutdownNow();
        }
    }

    private static String profile(String customerId) {
        return "{\"customerId\":\"" + customerId + "\",\"asOf\":\"2026-11-20T12:00:00+08:00\",\"smsConsent\":true,\"orderCount\":0}";
    }
}
