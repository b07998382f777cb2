package dev.coupondecision.rest;

import dev.coupondecision.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus metrics at /q/metrics describe decisions, suppressions, batches and the active ruleset. */
@QuarkusTest
class MetricsTest {

    @Test
    void shouldCountDecisionsSuppressionsAndBatchesAndNameTheActiveVersion() {
        String coldLead = "{\"customerId\":\"m-1\",\"asOf\":\"2026-11-20T12:00:00+08:00\",\"smsConsent\":true,\"orderCount\":0}";
        RestAssured.given().auth().oauth2(TestTokens.crm()).contentType("application/json").body(coldLead)
                .post("/decide").then().statusCode(200);
        RestAssured.given().auth().oauth2(TestTokens.crm()).contentType("application/x-ndjson; charset=utf-8")
                .body((coldLead + "\n" + coldLead + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/decide/batch").then().statusCode(200);
        String version = RestAssured.given().auth().oauth2(TestTokens.analyst()).get("/rulesets/active").jsonPath().getString("version");

        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).containsPattern("coupon_decisions_total\\{coupon=\"NONE\",eligible=\"false\",tier=\"COLD_LEAD\"} [1-9]");
        assertThat(metrics).containsPattern("coupon_suppressions_total\\{code=\"NO_OFFER\"} [1-9]");
        assertThat(metrics).contains("coupon_decision_latency_seconds_bucket");
        assertThat(metrics).containsPattern("coupon_batch_size_requests_count [1-9]");
        assertThat(metrics).contains("coupon_ruleset_info{version=\"" + version + "\"} 1.0");
        assertThat(metrics).contains("coupon_ruleset_reloads_total{outcome=\"rejected\"}");
        assertThat(metrics).doesNotContain("m-1");
    }
}
