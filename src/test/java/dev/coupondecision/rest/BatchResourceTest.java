package dev.coupondecision.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /decide/batch: one output line per request, in input order, on one ruleset version. */
@QuarkusTest
public class BatchResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String profile(int i) {
        int orders = i % 4;
        return "{\"customerId\":\"b-" + i + "\",\"asOf\":\"2026-11-20T12:00:00+08:00\",\"smsConsent\":true,"
                + "\"orderCount\":" + orders + (orders > 0 ? ",\"lastPurchaseDate\":\"2026-" + (i % 2 == 0 ? "11-01" : "03-01") + "\"" : "")
                + "}";
    }

    private static List<JsonNode> post(String contentType, String body) throws IOException {
        return post(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> post(String contentType, byte[] body) throws IOException {
        Response response = RestAssured.given().auth().oauth2(TestTokens.crm()).contentType(contentType + "; charset=utf-8")
                .body(body).post("/decide/batch");
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
    void shouldReportALineThatIsNotUtf8AsMalformedAndDecideTheOthers() throws IOException {
        // before, the bytes became U+FFFD characters and the line was judged on a customer id nobody sent
        byte[] bad = "{\"customerId\":\"b-\u0000\u0000\",\"smsConsent\":true,\"orderCount\":0}".getBytes(StandardCharsets.UTF_8);
        bad[17] = (byte) 0xff;
        bad[18] = (byte) 0xfe;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes((profile(1) + "\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bad);
        body.writeBytes(("\r\n" + profile(3)).getBytes(StandardCharsets.UTF_8));
        List<JsonNode> lines = post("application/x-ndjson", body.toByteArray());
        assertThat(lines).extracting(l -> l.has("decision")).containsExactly(true, false, true);
        assertThat(lines.get(1).at("/error/type").asText()).endsWith("malformed-json");
        assertThat(lines.get(1).at("/error/detail").asText()).startsWith("line 2 is not valid JSON").contains("UTF-8");
        assertThat(lines.get(2).get("line").asInt()).isEqualTo(3);
    }

    @Test
    void shouldRejectAnOverlongLineButDecideTheOthers() throws IOException {
        String longLine = "{\"customerId\":\"" + "x".repeat(300_000) + "\"}";
        List<JsonNode> lines = post("application/x-ndjson", profile(1) + "\n" + longLine + "\n" + profile(3));
        assertThat(lines).extracting(l -> l.has("decision")).containsExactly(true, false, true);
        assertThat(lines.get(1).at("/error/type").asText()).endsWith("line-too-long");
    }

    @Test
    void shouldNameTheCustomerOnErrorLinesAndRefuseTwoObjectsOnOneLine() throws IOException {
        String body = "{\"customerId\":\"b-1\",\"smsConsent\":true,\"orderCount\":-1}\n"
                + profile(2) + " " + profile(3) + "\n";
        List<JsonNode> lines = post("application/x-ndjson", body);
        assertThat(lines.get(0).get("customerId").asText()).isEqualTo("b-1");
        assertThat(lines.get(0).at("/error/status").asInt()).isEqualTo(400);
        assertThat(lines.get(1).at("/error/type").asText()).endsWith("malformed-json");
        assertThat(lines.get(1).at("/error/detail").asText()).contains("line 2");
    }

    @Test
    void shouldAnswerAJsonObjectInsteadOfAnArrayWithA400Problem() {
        Response response = RestAssured.given().auth().oauth2(TestTokens.crm()).contentType("application/json")
                .body(profile(1)).post("/decide/batch");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).contains("must be an array");
    }

    /**
     * A client that sends its whole body before it reads anything, as Python's urllib and Java's HttpURLConnection
     * do: it gets every answer, because the service reads the body to its end before answering.
     */
    @Test
    void shouldAnswerEveryLineToAClientThatSendsEverythingBeforeReading() throws IOException {
        int count = 20_000;
        byte[] body = IntStream.rangeClosed(1, count).mapToObj(BatchResourceTest::profile)
                .collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8);
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create(
                "http://localhost:" + RestAssured.port + "/decide/batch").toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        connection.setReadTimeout(120_000);
        connection.setRequestProperty("Content-Type", "application/x-ndjson");
        connection.setRequestProperty("Authorization", "Bearer " + TestTokens.crm());
        try (var out = connection.getOutputStream()) {
            out.write(body);
        }
        assertThat(connection.getResponseCode()).isEqualTo(200);
        long answers;
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            answers = in.lines().filter(line -> line.contains("\"decision\"")).count();
        }
        assertThat(answers).isEqualTo(count);
    }

    /** The same with Python's urllib, where Python is installed (CI installs it). */
    @Test
    void shouldAnswerEveryLineToPythonUrllib() throws IOException, InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.coupondecision.support.Tools.has("python3"),
                "python3 is not installed here: skipping the urllib client (CI installs it)");
        java.nio.file.Path script = java.nio.file.Files.createTempFile("urllib-batch", ".py");
        java.nio.file.Files.writeString(script, """
                import sys, urllib.request
                count = int(sys.argv[3])
                lines = []
                for i in range(1, count + 1):
                    orders = i % 4
                    purchase = (',"lastPurchaseDate":"2026-11-01"' if orders > 0 else '')
                    lines.append('{"customerId":"py-%d","asOf":"2026-11-20T12:00:00+08:00","smsConsent":true,"orderCount":%d%s}' % (i, orders, purchase))
                body = "\\n".join(lines).encode()
                request = urllib.request.Request(sys.argv[1], data=body, method="POST",
                        headers={"Content-Type": "application/x-ndjson", "Authorization": "Bearer " + sys.argv[2]})
                with urllib.request.urlopen(request, timeout=120) as response:
                    answers = [line for line in response.read().decode().splitlines() if '"decision"' in line]
                print(len(answers))
                """);
        Process python = new ProcessBuilder("python3", script.toString(), "http://localhost:" + RestAssured.port + "/decide/batch",
                TestTokens.crm(), "20000").redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(python.waitFor()).as(output).isZero();
        assertThat(output).isEqualTo("20000");
    }
}
