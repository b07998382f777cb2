package dev.coupondecision.activation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.tables.RulesetCopy;
import dev.coupondecision.support.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** What an analyst or operator sees of the running service over HTTP, with bounded waits for reloads. */
final class RunningService {
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Last purchase 91 days before asOf: tier DORMANT, coupon NO_THRESHOLD with the amount of coupons.xlsx G19. */
    static final String DORMANT_CUSTOMER = """
            {"customerId": "dormant-1", "asOf": "2026-11-18T12:00:00+08:00", "smsConsent": true, "orderCount": 2,
             "ordersLast90Days": 1, "spendLast365Days": 300, "lastPurchaseDate": "2026-08-19"}""";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningService() {
    }

    /** The rule directories the service was started on (this test profile's private copy). */
    static RulesetCopy ruleFiles() {
        Config config = ConfigProvider.getConfig();
        Path rules = Path.of(config.getValue("coupon.rules-dir", String.class));
        return new RulesetCopy(rules.getParent(), rules, Path.of(config.getValue("coupon.tables-dir", String.class)),
                Path.of(config.getValue("coupon.scenarios-dir", String.class)));
    }

    /** Puts the shipped files back and waits until the service serves them again. */
    static String restoreShippedRules(RulesetCopy copy) {
        copy.restoreRules();
        String shipped = copy.files().version();
        analyst().post("/rulesets/reload").then().statusCode(200);
        awaitActive(shipped);
        return shipped;
    }

    static String activeVersion() {
        return json(analyst().get("/rulesets/active")).get("version").asText();
    }

    static JsonNode status() {
        return json(analyst().get("/rulesets/status"));
    }

    static JsonNode reload() {
        return json(analyst().post("/rulesets/reload"));
    }

    static JsonNode decide(String request) {
        return json(crm().contentType(ContentType.JSON).body(request).post("/decide"));
    }

    /** Polls /rulesets/active until it names {@code version}. */
    static void awaitActive(String version) {
        await("version " + version + " active", () -> activeVersion().equals(version));
    }

    /** Polls /rulesets/status until its last candidate is {@code version}, and returns that candidate. */
    static JsonNode awaitCandidate(String version) {
        await("candidate " + version + " checked", () -> version.equals(status().path("lastCandidate").path("version").asText()));
        return status().get("lastCandidate");
    }

    static void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + WAIT.toSeconds() + " s waiting for " + what + "; status: " + status());
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean hasFinding(JsonNode candidate, String file, String sheet, String cell, Predicate<String> message) {
        for (JsonNode finding : candidate.path("findings")) {
            if (file.equals(finding.path("file").asText()) && sheet.equals(finding.path("sheet").asText())
                    && cell.equals(finding.path("cell").asText()) && message.test(finding.path("message").asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode json(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        try {
            return JSON.readTree(response.asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RequestSpecification analyst() {
        return RestAssured.given().auth().oauth2(TestTokens.analyst());
    }

    private static RequestSpecification crm() {
        return RestAssured.given().auth().oauth2(TestTokens.crm());
    }
}
