package dev.coupondecision.rest;

import dev.coupondecision.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every protected endpoint answers a 401 problem without a valid token and a 403 problem with the wrong role. */
@QuarkusTest
class SecurityTest {

    /** method, path, content type, body, role it needs. */
    static Stream<Arguments> protectedEndpoints() {
        return Stream.of(
                Arguments.of("POST", "/decide", "application/json", "{}", "crm"),
                Arguments.of("POST", "/decide/batch", "application/x-ndjson; charset=utf-8", "{}\n", "crm"),
                Arguments.of("GET", "/rulesets/active", null, null, "analyst"),
                Arguments.of("GET", "/rulesets/active/files", null, null, "analyst"),
                Arguments.of("GET", "/rulesets/status", null, null, "analyst"),
                Arguments.of("POST", "/rulesets/reload", null, null, "analyst"),
                Arguments.of("GET", "/rulesets/versions", null, null, "analyst"),
                Arguments.of("GET", "/rulesets/versions/{version}", null, null, "analyst"),
                Arguments.of("GET", "/rulesets/versions/{version}/files/{path}", null, null, "analyst"),
                Arguments.of("GET", "/rulesets/versions/{from}/diff/{to}", null, null, "analyst"),
                Arguments.of("GET", "/rulesets/activations", null, null, "analyst"),
                Arguments.of("POST", "/rulesets/versions/{version}/replay", "application/json", "{}", "analyst"),
                Arguments.of("GET", "/decisions", null, null, "crm"),
                Arguments.of("GET", "/decisions/{decisionId}", null, null, "crm"),
                Arguments.of("POST", "/outcomes", "application/json", "[]", "crm"),
                Arguments.of("GET", "/reports/campaigns/{campaignId}", null, null, "analyst"),
                Arguments.of("POST", "/rulesets/versions/{version}/activate", "application/json", "{\"comment\": \"x\"}", "approver"),
                Arguments.of("POST", "/rulesets/candidates", "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.drl\"\r\n\r\npackage x;\r\n--b--\r\n", "analyst"),
                Arguments.of("POST", "/rulesets/validate", "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.drl\"\r\n\r\npackage x;\r\n--b--\r\n", "analyst"));
    }

    static Stream<Arguments> openEndpoints() {
        return Stream.of(Arguments.of("/q/health/ready"), Arguments.of("/q/health/live"), Arguments.of("/q/metrics"),
                Arguments.of("/q/openapi"));
    }

    @org.junit.jupiter.api.Test
    void everyOperationOfTheApiIsCheckedHere() {
        java.util.Set<String> documented = new java.util.TreeSet<>();
        io.restassured.path.json.JsonPath openapi = RestAssured.given().queryParam("format", "json").get("/q/openapi").jsonPath();
        java.util.Map<String, java.util.Map<String, Object>> paths = openapi.getMap("paths");
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        java.util.Set<String> checked = new java.util.TreeSet<>();
        protectedEndpoints().forEach(a -> checked.add(a.get()[0] + " " + a.get()[1]));
        assertThat(checked).as("every documented operation needs a role, and a test here that proves it").isEqualTo(documented);
    }

    @ParameterizedTest(name = "{0} {1} without a token is a 401 problem with a Bearer challenge")
    @MethodSource("protectedEndpoints")
    void shouldAnswer401WithoutToken(String method, String path, String type, String body, String role) {
        Response response = call(RestAssured.given(), method, path, type, body);
        assertProblem(response, 401, "https://coupon-decision.dev/problems/unauthorized");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @ParameterizedTest(name = "{0} {1} with a token from an untrusted key is a 401 problem")
    @MethodSource("protectedEndpoints")
    void shouldAnswer401ForUntrustedSignature(String method, String path, String type, String body, String role) {
        RequestSpecification request = RestAssured.given().auth().oauth2(TestTokens.signedByAnotherKey(role));
        assertProblem(call(request, method, path, type, body), 401, "https://coupon-decision.dev/problems/invalid-token");
    }

    @ParameterizedTest(name = "{0} {1} with a token issued ten years ahead is a 401 problem")
    @MethodSource("protectedEndpoints")
    void shouldAnswer401ForATokenIssuedInTheFuture(String method, String path, String type, String body, String role) {
        RequestSpecification request = RestAssured.given().auth().oauth2(TestTokens.issuedAt(
                java.time.Instant.now().plus(java.time.Duration.ofDays(3650)), role));
        assertProblem(call(request, method, path, type, body), 401, "https://coupon-decision.dev/problems/invalid-token");
    }

    @ParameterizedTest(name = "{0} {1} with the wrong role is a 403 problem")
    @MethodSource("protectedEndpoints")
    void shouldAnswer403ForWrongRole(String method, String path, String type, String body, String role) {
        String other = role.equals("crm") ? "analyst" : "crm";
        if (path.startsWith("/decisions")) {
            other = "approver"; // the decision log is open to crm and analyst alike
        }
        RequestSpecification request = RestAssured.given().auth().oauth2(TestTokens.withRoles(other));
        assertProblem(call(request, method, path, type, body), 403, "https://coupon-decision.dev/problems/forbidden");
    }

    @org.junit.jupiter.api.Test
    void shouldKeepAcceptingAReusedTokenAndRefuseItOnceExpired() throws InterruptedException {
        String token = TestTokens.expiringIn(java.time.Duration.ofSeconds(3), "analyst");
        for (int i = 0; i < 3; i++) {
            assertThat(RestAssured.given().auth().oauth2(token).get("/rulesets/status").statusCode()).isEqualTo(200);
        }
        Thread.sleep(5_000); // past exp and the test profile's clock skew of 1 s
        assertProblem(RestAssured.given().auth().oauth2(token).get("/rulesets/status"), 401,
                "https://coupon-decision.dev/problems/invalid-token");
    }

    @ParameterizedTest(name = "{0} needs no token")
    @MethodSource("openEndpoints")
    void shouldServeHealthMetricsAndApiDescriptionWithoutToken(String path) {
        assertThat(RestAssured.given().get(path).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1} with its role is let in")
    @MethodSource("protectedEndpoints")
    void shouldLetTheRightRoleInStatus(String method, String path, String type, String body, String role) {
        RequestSpecification request = RestAssured.given().auth().oauth2(TestTokens.withRoles(role));
        assertThat(call(request, method, path, type, body).statusCode()).isNotIn(401, 403);
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo(type);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
    }

    private static Response call(RequestSpecification request, String method, String path, String type, String body) {
        if (type != null) {
            request = request.contentType(type).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        // templates of the API description ({version}) are called with a made-up value: access is checked first
        return request.request(method, path.replaceAll("\\{[^}]+}", "0123456789ab"));
    }
}
