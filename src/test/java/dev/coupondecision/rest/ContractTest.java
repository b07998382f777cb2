package dev.coupondecision.rest;

import dev.coupondecision.ReferenceRuleset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.scenario.Scenario;
import dev.coupondecision.scenario.ScenarioLoader;
import dev.coupondecision.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real answer conforms to the API description the service publishes: the decision of every regression
 * scenario, every batch line, every error of every kind. A client generated from /q/openapi can rely on it.
 * Runs in process and against the packaged jar ({@link ContractIT}).
 */
@QuarkusTest
public class ContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";
    private static OpenApiContract published;

    /** The API description the service publishes, read once (RestAssured knows the port only once tests run). */
    private static synchronized OpenApiContract contract() {
        if (published == null) {
            published = new OpenApiContract(RestAssured.given().accept("application/json").get("/q/openapi?format=json").asString());
        }
        return published;
    }

    static Stream<Scenario> scenarios() {
        return ScenarioLoader.read(ReferenceRuleset.SCENARIOS).scenarios().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenarioDecisionConforms(Scenario scenario) {
        Response response = crm().contentType("application/json").body(scenario.request().toString()).post("/decide");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("X-Ruleset-Version")).matches("[0-9a-f]{12}");
        contract().assertConforms("/decide", "post", 200, "application/json", json(response.asString()));
    }

    @Test
    void everyBatchLineConforms() {
        String body = scenarios().map(s -> s.request().toString()).collect(Collectors.joining("\n"))
                + "\n{\"customerId\": \"bad\", \"orderCount\": -1}\n{not json\n";
        Response response = crm().contentType("application/x-ndjson; charset=utf-8")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/decide/batch");

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = response.asString().lines().toList();
        assertThat(lines).hasSize((int) scenarios().count() + 2);
        for (String line : lines) {
            contract().assertConforms("/decide/batch", "post", 200, "application/x-ndjson", json(line));
        }
    }

    /** method, path, token roles (none: no token), content type, body, expected status. */
    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("post", "/decide", "crm", "application/json", "{\"customerId\": \"c\", \"orderCount\": -1}", 400),
                Arguments.of("post", "/decide", "crm", "application/json", "{not json", 400),
                Arguments.of("post", "/decide", "crm", "application/json", "{\"a\": 1}{\"b\": 2}", 400),
                Arguments.of("post", "/decide", "crm", "application/json", "{\"smsConsent\": true, \"smsConsent\": false}", 400),
                Arguments.of("post", "/decide", "", "application/json", "{}", 401),
                Arguments.of("post", "/decide", "analyst", "application/json", "{}", 403),
                Arguments.of("post", "/decide", "crm", "application/json", "[" + " ".repeat(1_100_000) + "]", 413),
                Arguments.of("post", "/decide", "crm", "text/plain", "hello", 415),
                Arguments.of("post", "/decide", "crm", "application/json; charset=ISO-8859-7", "{}", 415),
                Arguments.of("post", "/decide/batch", "crm", "application/json", "{\"customerId\": \"c\"}", 400),
                Arguments.of("post", "/decide/batch", "", "application/x-ndjson; charset=utf-8", "{}", 401),
                Arguments.of("post", "/decide/batch", "analyst", "application/x-ndjson; charset=utf-8", "{}", 403),
                Arguments.of("post", "/decide/batch", "crm", "text/csv", "a,b", 415),
                Arguments.of("get", "/rulesets/active", "", null, null, 401),
                Arguments.of("get", "/rulesets/status", "crm", null, null, 403),
                Arguments.of("post", "/rulesets/validate", "analyst", "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"notes.docx\"\r\n\r\nx\r\n--b--\r\n", 400),
                Arguments.of("post", "/rulesets/validate", "analyst", "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.drl\"\r\n\r\npackage", 400),
                Arguments.of("post", "/rulesets/validate", "analyst", "application/json", "{}", 415));
    }

    @ParameterizedTest(name = "{0} {1} as {2} with {3} is a {5} problem")
    @MethodSource("errors")
    void everyErrorIsAPublishedProblem(String method, String path, String roles, String type, String body, int status) {
        RequestSpecification request = roles.isEmpty() ? RestAssured.given()
                : RestAssured.given().auth().oauth2(TestTokens.withRoles(roles.split(",")));
        if (type != null) {
            request = request.contentType(type).body(body.getBytes(StandardCharsets.UTF_8));
        }
        Response response = request.request(method, path);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(contract().mediaTypes(path, method, status)).contains(PROBLEM);
        contract().assertConforms(path, method, status, PROBLEM, json(response.asString()));
    }

    @Test
    void rulesetAnswersConform() throws IOException {
        RequestSpecification analyst = RestAssured.given().auth().oauth2(TestTokens.analyst());
        contract().assertConforms("/rulesets/active", "get", 200, "application/json",
                json(analyst.get("/rulesets/active").asString()));
        contract().assertConforms("/rulesets/status", "get", 200, "application/json",
                json(analyst.get("/rulesets/status").asString()));
        Response validated = RestAssured.given().auth().oauth2(TestTokens.analyst())
                .multiPart("files", "coupons.xlsx", Files.readAllBytes(ReferenceRuleset.TABLES.resolve("coupons.xlsx")),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .post("/rulesets/validate");
        assertThat(validated.statusCode()).isEqualTo(200);
        contract().assertConforms("/rulesets/validate", "post", 200, "application/json", json(validated.asString()));
    }

    @Test
    void theDocumentNamesEveryOperationTagsItAndGivesEveryErrorTheProblemSchema() {
        JsonNode paths = contract().document().get("paths");
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            paths.get(path).fields().forEachRemaining(operation -> {
                JsonNode op = operation.getValue();
                assertThat(op.path("operationId").asText()).as("operationId of %s %s", operation.getKey(), path)
                        .matches("[a-z][A-Za-z]+");
                assertThat(op.path("tags").size()).as("tags of %s %s", operation.getKey(), path).isPositive();
                op.path("responses").fields().forEachRemaining(response -> {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                                .as("%s %s %s", operation.getKey(), path, response.getKey())
                                .isEqualTo("#/components/schemas/Problem");
                    }
                });
            });
        }
        assertThat(contract().document().at("/components/schemas/SuppressionCode/enum")).isNotEmpty();
        assertThat(contract().document().at("/components/schemas/Tier/enum")).isNotEmpty();
    }

    @Test
    void theCapNamesThePublishedEnumListsAreTheOnesTheRulesUse() throws IOException {
        List<String> published = JSON.convertValue(
                contract().document().at("/components/schemas/Suppression/properties/cap/enum"), List.class);
        String rules = Files.readString(Path.of("rules/eligibility.drl"));
        java.util.regex.Matcher caps = java.util.regex.Pattern.compile("capBreach\\(\"([A-Z0-9_]+)\"").matcher(rules);
        java.util.Set<String> used = new java.util.TreeSet<>();
        while (caps.find()) {
            used.add(caps.group(1));
        }
        assertThat(published).containsExactlyInAnyOrderElementsOf(used);
    }

    private static RequestSpecification crm() {
        return RestAssured.given().auth().oauth2(TestTokens.crm());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
