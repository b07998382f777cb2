package dev.coupondecision.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that once got a 500 or a silent wrong answer: every case is now a problem body naming what was wrong.
 * Runs in process and against the packaged jar ({@link HostileInputIT}).
 */
@QuarkusTest
public class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @ParameterizedTest(name = "asOf {0}")
    @CsvSource({"+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00", "+6000000-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z"})
    void shouldRefuseAnAsOfOutsideTheYears1900To2200(String asOf) {
        JsonNode problem = problem(decide("{\"customerId\": \"c-1\", \"asOf\": \"" + asOf
                + "\", \"smsConsent\": true, \"orderCount\": 1, \"lastPurchaseDate\": \"2026-01-01\"}"), 400);
        assertThat(problem.at("/violations/0/field").asText()).isEqualTo("asOf");
        assertThat(problem.at("/violations/0/expected").asText()).contains("between years 1900 and 2200");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"lastPurchaseDate, 1066-10-14", "lastCartActivityDate, 1899-12-31", "birthday, 0001-01-01"})
    void shouldRefuseDatesOutsideTheYears1900To2200(String field, String date) {
        String body = "{\"customerId\": \"c-1\", \"asOf\": \"2026-11-20T12:00:00+08:00\", \"smsConsent\": true, "
                + "\"orderCount\": 1, \"lastPurchaseDate\": \"2026-01-01\", \"" + field + "\": \"" + date + "\"}";
        JsonNode problem = problem(decide(body.replace("\"lastPurchaseDate\": \"2026-01-01\", \"lastPurchaseDate\"",
                "\"lastPurchaseDate\"")), 400);
        assertThat(problem.at("/violations/0/field").asText()).isEqualTo(field);
    }

    @Test
    void shouldRefuseAFieldGivenTwice() {
        JsonNode problem = problem(decide("{\"customerId\": \"c-1\", \"smsConsent\": true, \"smsConsent\": false, "
                + "\"orderCount\": 0}"), 400);
        assertThat(problem.get("detail").asText()).contains("Duplicate field 'smsConsent'");
    }

    @Test
    void shouldRefuseTwoConcatenatedObjectsWithAProblemBody() {
        JsonNode problem = problem(decide("{\"customerId\": \"c-1\", \"smsConsent\": true, \"orderCount\": 0}"
                + "{\"customerId\": \"c-2\", \"smsConsent\": true, \"orderCount\": 0}"), 400);
        assertThat(problem.get("type").asText()).isEqualTo("https://coupon-decision.dev/problems/malformed-json");
    }

    @ParameterizedTest(name = "charset={0}")
    @CsvSource({"ISO-8859-7", "utf-16", "no-such-charset"})
    void shouldRefuseACharsetOtherThanUtf8(String charset) {
        Response response = RestAssured.given().auth().oauth2(TestTokens.crm())
                .contentType("application/json; charset=" + charset)
                .body("{\"customerId\": \"c-1\", \"smsConsent\": true, \"orderCount\": 0}".getBytes(StandardCharsets.UTF_8))
                .post("/decide");
        assertThat(problem(response, 415).get("detail").asText()).contains("UTF-8");
        assertThat(RestAssured.given().auth().oauth2(TestTokens.crm())
                .contentType("application/json; charset=UTF-8")
                .body("{\"customerId\": \"c-1\", \"smsConsent\": true, \"orderCount\": 0}".getBytes(StandardCharsets.UTF_8))
                .post("/decide").statusCode()).isEqualTo(200);
    }

    /** A body of unknown length could only be measured by reading it: /decide asks for its length instead. */
    @Test
    void shouldRefuseAChunkedBodyWithoutReadingIt() throws IOException, InterruptedException {
        long sent = 64L << 20;
        HttpRequest request = HttpRequest.newBuilder(base.resolve("decide"))
                .header("Authorization", "Bearer " + TestTokens.crm())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                // a stream of unknown length is sent chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SpaceStream(sent)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(411);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("Content-Length", "/decide/batch");
    }

    @Test
    void shouldDecideOverHttp2WithAKnownLength() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("decide"))
                .version(HttpClient.Version.HTTP_2)
                .header("Authorization", "Bearer " + TestTokens.crm())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\": \"h2\", \"smsConsent\": true, \"orderCount\": 0}"))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("tier").asText()).isEqualTo("COLD_LEAD");
    }

    private static Response decide(String body) {
        return RestAssured.given().auth().oauth2(TestTokens.crm()).contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/decide");
    }

    private static JsonNode problem(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        try {
            JsonNode problem = JSON.readTree(response.asString());
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            return problem;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.asString(), e);
        }
    }

    /** {@code size} spaces, produced as they are read (the body is never held in memory). */
    private static final class SpaceStream extends InputStream {
        private long left;

        SpaceStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? ' ' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) ' ');
            left -= n;
            return n;
        }
    }
}
