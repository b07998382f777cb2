package dev.coupondecision.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.batch.BatchDecider;
import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.InvalidRequestException;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.reference.RandomProfiles;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Decimals keep the form a table gave them in every tree and text the service writes (scenario reports, updates). */
class JsonConfigTest {
    private static final ObjectMapper JSON = JsonConfig.configure(new ObjectMapper());

    @Test
    void wholeAmountsStayWholeInTreesAndText() throws Exception {
        JsonNode tree = JSON.valueToTree(Map.of("amountOff", new BigDecimal("40"), "spend", new BigDecimal("1999.90")));
        // before: {"amountOff":4E+1,...} because the default node factory strips trailing zeros
        assertThat(tree.get("amountOff").toString()).isEqualTo("40");
        assertThat(JSON.writeValueAsString(tree.get("amountOff"))).isEqualTo("40");
        assertThat(JSON.writeValueAsString(new BigDecimal("4E+1"))).isEqualTo("40");
        assertThat(tree.get("spend").toString()).isEqualTo("1999.90");
    }

    /**
     * Blackbird only changes how Jackson calls the records' accessors: every answer and batch line is written byte for
     * byte as Jackson's reflection writes it, on thousands of random decisions (eligible or not, every tier and coupon).
     */
    @Test
    void answersAreWrittenAsWithoutBlackbird() throws Exception {
        assertThat(JSON.getRegisteredModuleIds()).anySatisfy(id -> assertThat(id.toString()).contains("Blackbird"));
        ObjectMapper reflective = new ObjectMapper();
        reflective.getFactory().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        reflective.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        ObjectWriter answers = JSON.writerFor(DecisionResponse.class);
        ObjectWriter reflectiveAnswers = reflective.writerFor(DecisionResponse.class);
        ObjectWriter lines = JSON.writerFor(BatchDecider.Result.class);
        ObjectWriter reflectiveLines = reflective.writerFor(BatchDecider.Result.class);
        RequestParser parser = new RequestParser(Clock.fixed(Instant.parse("2026-03-29T01:30:00Z"), ZoneOffset.UTC),
                ZoneId.of("Asia/Shanghai"));
        Random random = new Random(20261203);
        int compared = 0;
        for (int i = 0; i < 3000; i++) {
            DecisionRequest request;
            try {
                request = parser.parse(RandomProfiles.next(random).json());
            } catch (InvalidRequestException e) {
                continue; // the generator also makes invalid profiles on purpose
            }
            DecisionResponse answer = Decider.decide(request, ReferenceRuleset.get());
            assertThat(answers.writeValueAsString(answer)).isEqualTo(reflectiveAnswers.writeValueAsString(answer));
            BatchDecider.Result line = new BatchDecider.Result(i + 1, request.customerId(), answer.rulesetVersion(), answer, null);
            assertThat(lines.writeValueAsString(line)).isEqualTo(reflectiveLines.writeValueAsString(line));
            compared++;
        }
        assertThat(compared).isGreaterThan(2000);
    }
}
