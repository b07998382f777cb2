package dev.coupondecision.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.coupondecision.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard and the Prometheus alerts under k8s/monitoring/ parse, and every series they query (with its
 * label matchers) is one the running service exports at /q/metrics, so no panel or alert watches a name that never
 * comes.
 */
@QuarkusTest
class MonitoringTest {
    private static final Path DASHBOARD = Path.of("k8s/monitoring/grafana-dashboard.json");
    private static final Path RULES = Path.of("k8s/monitoring/prometheus-rules.yaml");
    private static final Pattern SELECTOR = Pattern.compile("\\b((?:coupon|http_server)_[a-z0-9_]+)(\\{([^}]*)})?");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(=~|=)\\s*\"([^\"]*)\"");

    @Test
    void theDashboardAndTheAlertsQueryOnlySeriesTheServiceExports() throws IOException {
        List<String> expressions = new ArrayList<>();
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.get("panels")).isNotEmpty();
        dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(t -> expressions.add(t.get("expr").asText())));
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile());
        assertThat(rules.get("kind").asText()).isEqualTo("PrometheusRule");
        rules.at("/spec/groups").forEach(group -> group.get("rules").forEach(rule -> {
            assertThat(rule.get("alert").asText()).isNotBlank();
            assertThat(rule.at("/annotations/summary").asText()).isNotBlank();
            expressions.add(rule.get("expr").asText());
        }));

        String metrics = metricsAfterTraffic();

        Set<String> checked = new LinkedHashSet<>();
        for (String expression : expressions) {
            Matcher selector = SELECTOR.matcher(expression);
            while (selector.find()) {
                String series = selector.group(1);
                String labels = selector.group(3) == null ? "" : selector.group(3);
                checked.add(series);
                assertThat(exported(metrics, series, labels)).as("%s{%s} (in %s) at /q/metrics", series, labels, expression)
                        .isTrue();
            }
        }
        assertThat(checked).contains("coupon_decisions_total", "coupon_ruleset_candidate_rejected",
                "http_server_requests_seconds_bucket", "coupon_batch_size_requests_sum", "coupon_ruleset_info");
    }

    /**
     * Whether some exported line is the series with every exact label value of the selector, and with every label
     * a pattern matcher filters on.
     */
    private static boolean exported(String metrics, String series, String labels) {
        List<Matcher> matchers = new ArrayList<>();
        Matcher matcher = MATCHER.matcher(labels);
        while (matcher.find()) {
            matchers.add(MATCHER.matcher(matcher.group()));
        }
        return metrics.lines().filter(line -> line.startsWith(series + "{") || line.startsWith(series + " "))
                .anyMatch(line -> matchers.stream().allMatch(m -> {
                    m.reset();
                    m.find();
                    // an exact value must have been seen; a pattern (status=~"5..") needs the label, not a match yet
                    String value = labelValue(line, m.group(1));
                    return value != null && (!m.group(2).equals("=") || value.equals(m.group(3)));
                }));
    }

    private static String labelValue(String line, String label) {
        Matcher value = Pattern.compile("[{,]" + label + "=\"([^\"]*)\"").matcher(line);
        return value.find() ? value.group(1) : null;
    }

    /** The metrics once there were decisions, a batch, an error and a reload to count. */
    private static String metricsAfterTraffic() {
        String request = "{\"customerId\":\"mon-1\",\"asOf\":\"2026-11-20T12:00:00+08:00\",\"smsConsent\":true,\"orderCount\":0}";
        RestAssured.given().auth().oauth2(TestTokens.crm()).contentType("application/json").body(request).post("/decide")
                .then().statusCode(200);
        String eligible = "{\"customerId\":\"mon-2\",\"asOf\":\"2026-11-20T12:00:00+08:00\",\"smsConsent\":true,"
                + "\"orderCount\":2,\"ordersLast90Days\":1,\"spendLast365Days\":300,\"lastPurchaseDate\":\"2026-11-10\"}";
        RestAssured.given().auth().oauth2(TestTokens.crm()).contentType("application/json").body(eligible).post("/decide")
                .then().statusCode(200).body("eligible", org.hamcrest.Matchers.is(true));
        RestAssured.given().auth().oauth2(TestTokens.crm()).contentType("application/x-ndjson; charset=utf-8")
                .body((request + "\n" + request + "\n").getBytes(StandardCharsets.UTF_8)).post("/decide/batch")
                .then().statusCode(200);
        RestAssured.given().auth().oauth2(TestTokens.crm()).contentType("application/json").body("{}").post("/decide")
                .then().statusCode(400);
        RestAssured.given().auth().oauth2(TestTokens.analyst()).post("/rulesets/reload").then().statusCode(200);
        return RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
