package dev.coupondecision.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /decide/batch: one output line per request, in input order, on one ruleset version. */
@QuarkusTest
class BatchResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String profile(int i) {
        int orders = i % 4;
        return "{\"customerId\":\"b-" + i + "\",\"asOf\":\"2026-11-20T12:00:00+08:00\",\"smsConsent\":true,"
                + "\"orderCount\":" + orders + (orders > 0 ? ",\"lastPurchaseDate\":\"2026-" + (i % 2 == 0 ? "11-01" : "03-01") + "\"" : "")
                + "}";
    }

    private static List<JsonNode> post(String contentType, String body) throws IOException {
        Response response = RestAssured.given().auth().oauth2(TestTokens.crm()).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/decide/batch");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.asString().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void shouldDecideEveryLineInInputOrderOnOneVersion() throws IOException {
        String body = IntStream.rangeClosed(1, 1000).mapToObj(BatchResourceTest::profile).collect(Collectors.joining("\n"));
        List<JsonNode> lines = post("application/x-ndjson", body);
        assertThat(lines).hasSize(1000);
        String version = lines.get(0).get("rulesetVersion").asText();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertThat(line.get("line").asLong()).isEqualTo(i + 1);
            assertThat(line.get("rulesetVersion").asText()).isEqualTo(version);
            assertThat(line.at("/decision/customerId").asText()).isEqualTo("b-" + (i + 1));
            assertThat(line.at("/decision/rulesetVersion").asText()).isEqualTo(version);
        }
    }

    @Test
    void shouldReportABadLineWithItsNumberAndDecideTheRest() throws IOException {
        String body = profile(1) + "\n{\"customerId\":\"b-2\",\"smsConsent\":true,\"orderCount\":-1}\n{not json\n\n" + profile(5) + "\n";
        List<JsonNode> lines = post("application/x-ndjson", body);
        assertThat(lines).extracting(l -> l.get("line").asLong()).containsExactly(1L, 2L, 3L, 5L);
        assertThat(lines.get(0).has("decision")).isTrue();
        assertThat(lines.get(1).at("/error/status").asInt()).isEqualTo(400);
        assertThat(lines.get(1).at("/error/violations/0/field").asText()).isEqualTo("orderCount");
        assertThat(lines.get(1).at("/error/violations/0/rejectedValue").asInt()).isEqualTo(-1);
        assertThat(lines.get(2).at("/error/type").asText()).endsWith("malformed-json");
        assertThat(lines.get(3).at("/decision/customerId").asText()).isEqualTo("b-5");
    }

    @Test
    void shouldAcceptAJsonArray() throws IOException {
        String body = "[" + profile(1) + "," + profile(2) + ",{\"customerId\":\"x\"}]";
        List<JsonNode> lines = post("application/json", body);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).at("/decision/customerId").asText()).isEqualTo("b-2");
        assertThat(lines.get(2).at("/error/violations").size()).isEqualTo(2);
    }

    @Test
    void shouldReportAMalformedArrayWhereReadingStopped() throws IOException {
        List<JsonNode> lines = post("application/json", "[" + profile(1) + ", {oops");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).has("decision")).isTrue();
        assertThat(lines.get(1).at("/error/type").asText()).endsWith("malformed-json");
    }

    @Test
    void shouldRejectAnOverlongLineButDecideTheOthers() throws IOException {
        String longLine = "{\"customerId\":\"" + "x".repeat(300_000) + "\"}";
        List<JsonNode> lines = post("application/x-ndjson", profile(1) + "\n" + longLine + "\n" + profile(3));
        assertThat(lines).extracting(l -> l.has("decision")).containsExactly(true, false, true);
        assertThat(lines.get(1).at("/error/type").asText()).endsWith("line-too-long");
    }
}
