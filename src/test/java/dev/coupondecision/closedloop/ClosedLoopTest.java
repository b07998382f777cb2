package dev.coupondecision.closedloop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.support.TestTokens;
import dev.coupondecision.tables.TableEdit;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The closed loop end to end over HTTP: 10,000 customers decided in campaign c1 (10% held out), SENT posted for every
 * eligible one, REDEEMED for a known subset of both groups; the campaign report must equal what this test computes on
 * its own from the definitions (holdout bucket by SHA-256, rates, Wald interval, money).
 */
@QuarkusTest
@TestProfile(ClosedLoopProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClosedLoopTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CUSTOMERS = 10_000;
    private static final String CAMPAIGN = ClosedLoopProfile.CAMPAIGN;
    private static final String[] CATEGORIES = {"beauty", "daily", "books", "home"};

    /** What the test knows of each customer, computed from the answers and its own rules. */
    private record Known(String customerId, int index, boolean holdout, boolean eligible, String decisionId, String tier,
                         BigDecimal amountOff, BigDecimal percentOff, boolean sent, BigDecimal redeemedOrder) {
    }

    private static final Map<String, Known> known = new LinkedHashMap<>();

    @Test
    @Order(1)
    void reportEqualsWhatTheDefinitionsGiveForTenThousandCustomers() throws Exception {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < CUSTOMERS; i++) {
            batch.append(profile(i)).append('\n');
        }
        Response decided = given().auth().oauth2(TestTokens.crm()).contentType("application/x-ndjson; charset=utf-8")
                .body(batch.toString().getBytes(StandardCharsets.UTF_8)).post("/decide/batch");
        assertThat(decided.statusCode()).isEqualTo(200);
        String[] lines = decided.asString().split("\n");
        assertThat(lines).hasSize(CUSTOMERS);

        List<String> outcomes = new ArrayList<>();
        int heldOutSeen = 0;
        for (String line : lines) {
            JsonNode decision = JSON.readTree(line).get("decision");
            String customerId = decision.get("customerId").asText();
            int index = Integer.parseInt(customerId.substring(3));
            boolean holdout = HoldoutBuckets.bucket(ClosedLoopProfile.EXPERIMENT, customerId) < ClosedLoopProfile.PERCENT;
            boolean answeredHoldout = false;
            for (JsonNode suppression : decision.get("suppressions")) {
                answeredHoldout |= suppression.get("code").asText().equals("HOLDOUT");
            }
            assertThat(answeredHoldout).as("HOLDOUT for %s", customerId).isEqualTo(holdout);
            heldOutSeen += holdout ? 1 : 0;
            if (holdout) {
                assertThat(decision.get("eligible").asBoolean()).isFalse();
                assertThat(decision.get("coupon").isNull()).isFalse(); // the coupon it would have got, for like-with-like
            }
            boolean eligible = decision.get("eligible").asBoolean();
            boolean sent = eligible;
            BigDecimal order = null;
            if ((!holdout && sent && index % 5 == 0) || (holdout && index % 25 == 0)) {
                order = BigDecimal.valueOf(100 + index % 50).add(new BigDecimal("0.25"));
            }
            JsonNode coupon = decision.get("coupon");
            known.put(customerId, new Known(customerId, index, holdout, eligible, decision.get("decisionId").asText(),
                    decision.get("tier").asText(), decimal(coupon.get("amountOff")), decimal(coupon.get("percentOff")),
                    sent, order));
            if (sent) {
                outcomes.add(outcome(customerId, "SENT", "2026-11-18T20:00:00+08:00", null, decision.get("decisionId").asText()));
            }
            if (order != null) {
                outcomes.add(outcome(customerId, "REDEEMED", "2026-11-20T10:00:00+08:00", order, null));
            }
        }
        assertThat(heldOutSeen).isBetween(CUSTOMERS * 8 / 100, CUSTOMERS * 12 / 100);

        // half as a JSON array, half as NDJSON
        int half = outcomes.size() / 2;
        JsonNode first = post("application/json", "[" + String.join(",", outcomes.subList(0, half)) + "]");
        JsonNode second = post("application/x-ndjson", String.join("\n", outcomes.subList(half, outcomes.size())));
        assertThat(first.get("recorded").asInt() + second.get("recorded").asInt()).isEqualTo(outcomes.size());
        assertThat(first.get("rejected")).isEmpty();

        JsonNode report = report();
        Map<String, Expected> groups = expectedGroups(known.values().stream().toList());
        assertGroup(report.at("/groups/treated"), groups.get("treated"));
        assertGroup(report.at("/groups/holdout"), groups.get("holdout"));

        Expected t = groups.get("treated");
        Expected h = groups.get("holdout");
        double p1 = (double) t.redeemed / t.customers;
        double p0 = (double) h.redeemed / h.customers;
        double se = Math.sqrt(p1 * (1 - p1) / t.customers + p0 * (1 - p0) / h.customers);
        assertThat(report.at("/uplift/absolute").asDouble()).isCloseTo(p1 - p0, within(1e-12));
        assertThat(report.at("/uplift/ci95/0").asDouble()).isCloseTo(p1 - p0 - 1.959963984540054 * se, within(1e-12));
        assertThat(report.at("/uplift/ci95/1").asDouble()).isCloseTo(p1 - p0 + 1.959963984540054 * se, within(1e-12));
        assertThat(p1 - p0).as("the fixture gives the treated group a real uplift").isPositive();

        BigDecimal incremental = t.revenue.subtract(h.revenue.multiply(BigDecimal.valueOf(t.customers))
                .divide(BigDecimal.valueOf(h.customers), 2, RoundingMode.HALF_EVEN));
        assertThat(new BigDecimal(report.at("/money/incrementalRevenue").asText())).isEqualByComparingTo(incremental);
        assertThat(new BigDecimal(report.at("/money/couponCost").asText())).isEqualByComparingTo(t.cost);
        assertThat(new BigDecimal(report.at("/money/netIncrementalRevenue").asText()))
                .isEqualByComparingTo(incremental.subtract(t.cost));

        // per tier, each group as computed from the answers
        Map<String, List<Known>> byTier = new HashMap<>();
        known.values().forEach(k -> byTier.computeIfAbsent(k.tier(), x -> new ArrayList<>()).add(k));
        assertThat(report.at("/breakdowns/tier").size()).isEqualTo(byTier.size());
        byTier.forEach((tier, customers) -> {
            Map<String, Expected> tierGroups = expectedGroups(customers);
            assertGroup(report.at("/breakdowns/tier/" + tier + "/treated"), tierGroups.get("treated"));
            assertGroup(report.at("/breakdowns/tier/" + tier + "/holdout"), tierGroups.get("holdout"));
        });
        int rowCustomers = 0;
        for (JsonNode row : report.at("/breakdowns/couponRow")) {
            rowCustomers += row.at("/treated/customers").asInt() + row.at("/holdout/customers").asInt();
        }
        assertThat(rowCustomers).isEqualTo(CUSTOMERS);
        assertThat(report.at("/breakdowns/couponRow").fieldNames()).toIterable()
                .anyMatch(row -> row.contains("coupons.xlsx › Coupons › row"));
    }

    @Test
    @Order(2)
    void postingTheSameOutcomesAgainRecordsNothingTwice() throws Exception {
        JsonNode before = report();
        Known any = known.values().stream().filter(Known::sent).findFirst().orElseThrow();
        String sent = outcome(any.customerId(), "SENT", "2026-11-18T20:00:00+08:00", null, any.decisionId());
        JsonNode again = post("application/json", "[" + sent + "," + sent + "]");
        assertThat(again.get("recorded").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);
        assertThat(report()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aBatchDecisionIsInTheLogWithItsFiredRowsAndTheirSources() throws Exception {
        Known customer = known.values().stream().filter(k -> k.amountOff() != null && !k.holdout()).findFirst().orElseThrow();
        JsonNode logged = JSON.readTree(given().auth().oauth2(TestTokens.analyst())
                .get("/decisions/" + customer.decisionId()).then().statusCode(200).extract().asString());
        assertThat(logged.get("customerId").asText()).isEqualTo(customer.customerId());
        assertThat(logged.get("campaignId").asText()).isEqualTo(CAMPAIGN);
        assertThat(logged.at("/request/customerId").asText()).isEqualTo(customer.customerId());
        assertThat(logged.at("/decision/firedRules")).isNotEmpty();
        for (JsonNode fired : logged.at("/decision/firedRules")) {
            assertThat(fired.get("source").asText()).matches(".+\\.(xlsx › .+ › row \\d+|drl › .+)");
        }
        Map<String, JsonNode> explanation = new HashMap<>();
        logged.get("explanation").forEach(e -> explanation.put(e.get("output").asText(), e));
        assertThat(explanation.get("coupon").at("/setBy/0/source").asText()).startsWith("coupons.xlsx › Coupons › row ");
        assertThat(explanation.get("coupon").at("/value/type").asText()).isEqualTo(logged.at("/decision/coupon/type").asText());
        assertThat(explanation.get("tier").at("/setBy/0/source").asText()).startsWith("tiers.xlsx › Tiers › row ");
        assertThat(explanation.get("holdout").at("/setBy/0/source").asText()).startsWith("holdouts.xlsx › Holdouts › row ");
        assertThat(explanation.get("frequencyCap").at("/setBy/0/source").asText()).startsWith("frequency-caps.xlsx");

        JsonNode history = JSON.readTree(given().auth().oauth2(TestTokens.crm()).queryParam("customerId", customer.customerId())
                .get("/decisions").then().statusCode(200).extract().asString());
        assertThat(history.at("/decisions/0/decisionId").asText()).isEqualTo(customer.decisionId());
    }

    @Test
    @Order(4)
    void aCustomerWhoseRequestsOmitContactHistoryIsCappedByTheRecordedSends() throws Exception {
        String customer = "cap-rec-1";
        String request = """
                {"customerId": "%s", "asOf": "2026-11-25T12:00:00+08:00", "smsConsent": true, "orderCount": 2,
                 "ordersLast90Days": 1, "spendLast365Days": 300, "lastPurchaseDate": "2026-11-10",
                 "campaign": {"id": "other-campaign"}%s}""";
        JsonNode before = decide(request.formatted(customer, ""));
        assertThat(before.get("eligible").asBoolean()).isTrue();
        assertThat(before.get("contactHistorySource").asText()).isEqualTo("RECORDED");

        post("application/json", "[" + outcome(customer, "SENT", "2026-11-23T20:00:00+08:00", null, null) + ","
                + outcome(customer, "SENT", "2026-11-24T20:00:00+08:00", null, null) + "]");
        JsonNode after = decide(request.formatted(customer, ""));
        assertThat(after.get("eligible").asBoolean()).isFalse();
        assertThat(after.get("contactHistorySource").asText()).isEqualTo("RECORDED");
        List<String> caps = new ArrayList<>();
        after.get("suppressions").forEach(s -> caps.add(s.get("cap").asText()));
        assertThat(caps).contains("TWO_IN_3_DAYS", "ONE_IN_7_DAYS");

        JsonNode given = decide(request.formatted(customer, ", \"contactHistory\": []"));
        assertThat(given.get("eligible").asBoolean()).as("an empty list is the request's own history").isTrue();
        assertThat(given.get("contactHistorySource").asText()).isEqualTo("REQUEST");
    }

    @Test
    @Order(5)
    void aReplayShowsWhatACandidateWouldHaveChangedOnTheLoggedTraffic() throws Exception {
        // the candidate holds out 20 % instead of 10 %: treated customers in buckets 10-19 who were eligible lose it
        byte[] twenty = TableEdit.setCell(java.nio.file.Path.of(ClosedLoopProfile.tablesDir(), "holdouts.xlsx"),
                "Holdout demo", "Experiment key, percent held out", ClosedLoopProfile.EXPERIMENT + ", 20");
        String candidate = given().auth().oauth2(TestTokens.as("ana", "analyst"))
                .multiPart("files", "holdouts.xlsx", twenty, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .multiPart("comment", "hold out 20 %").post("/rulesets/candidates")
                .then().statusCode(201).extract().jsonPath().getString("version");
        long expected = known.values().stream().filter(k -> !k.holdout() && k.eligible())
                .filter(k -> HoldoutBuckets.bucket(ClosedLoopProfile.EXPERIMENT, k.customerId()) < 20).count();
        assertThat(expected).isPositive();

        JsonNode replay = JSON.readTree(given().auth().oauth2(TestTokens.analyst()).contentType("application/json")
                .body("{\"from\": \"2000-01-01T00:00:00Z\", \"to\": \"2100-01-01T00:00:00Z\"}")
                .post("/rulesets/versions/" + candidate + "/replay").then().statusCode(200).extract().asString());
        assertThat(replay.get("replayed").asInt()).isEqualTo(replay.get("logged").asInt()).isGreaterThanOrEqualTo(CUSTOMERS);
        assertThat(replay.at("/impact/candidateVersion").asText()).isEqualTo(candidate);
        assertThat(replay.at("/impact/decided").asInt()).isEqualTo(replay.get("replayed").asInt());
        assertThat(replay.at("/impact/eligibilityChangeCount").asLong()).isEqualTo(expected);
        assertThat(replay.at("/impact/tierChangeCount").asInt()).isZero();

        JsonNode invalid = JSON.readTree(given().auth().oauth2(TestTokens.analyst()).contentType("application/json")
                .body("{\"from\": \"2026-11-20\", \"to\": \"2000-01-01T00:00:00Z\", \"limit\": 0}")
                .post("/rulesets/versions/" + candidate + "/replay").then().statusCode(400).extract().asString());
        assertThat(invalid.get("violations").findValuesAsText("field")).containsExactly("from", "limit");
    }

    @Test
    @Order(6)
    void theConsoleShowsTheReportWithItsCharts() {
        io.restassured.filter.cookie.CookieFilter cookies = new io.restassured.filter.cookie.CookieFilter();
        given().filter(cookies).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "analyst").formParam("j_password", "analyst").post("/j_security_check")
                .then().statusCode(302);
        String page = given().filter(cookies).get("/console/reports/" + CAMPAIGN).then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"uplift-summary\"", "class=\"forest\"", "id=\"breakdown-couponRow\"",
                "two-proportion normal approximation");
        String list = given().filter(cookies).get("/console/reports").then().statusCode(200).extract().asString();
        assertThat(list).contains("/console/reports/" + CAMPAIGN);
        assertThat(given().filter(cookies).get("/console/reports/no-such-campaign").statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String profile(int i) {
        String id = "cl-" + String.format("%05d", i);
        int orders = i % 5;
        StringBuilder json = new StringBuilder("{\"customerId\":\"" + id + "\",\"asOf\":\"2026-11-18T12:00:00+08:00\"")
                .append(",\"smsConsent\":").append(i % 13 != 0)
                .append(",\"orderCount\":").append(orders)
                .append(",\"ordersLast90Days\":").append(Math.min(orders, i % 4))
                .append(",\"spendLast365Days\":").append((i % 40) * 100)
                .append(",\"favoriteCategory\":\"").append(CATEGORIES[i % CATEGORIES.length]).append('"');
        if (orders > 0) {
            json.append(",\"lastPurchaseDate\":\"").append(java.time.LocalDate.of(2026, 11, 18).minusDays(i % 200)).append('"');
        } else if (i % 3 == 0) {
            json.append(",\"lastCartActivityDate\":\"2026-11-10\"");
        }
        return json.append(",\"campaign\":{\"id\":\"" + CAMPAIGN + "\"},\"contactHistory\":[]}").toString();
    }

    private static String outcome(String customerId, String type, String at, BigDecimal order, String decisionId) {
        return "{\"customerId\":\"" + customerId + "\",\"campaignId\":\"" + (customerId.startsWith("cap-") ? "earlier-campaign" : CAMPAIGN)
                + "\",\"type\":\"" + type + "\",\"at\":\"" + at + "\""
                + (order == null ? "" : ",\"orderAmount\":" + order.toPlainString())
                + (decisionId == null ? "" : ",\"decisionId\":\"" + decisionId + "\"") + "}";
    }

    private static JsonNode post(String contentType, String body) throws Exception {
        return JSON.readTree(given().auth().oauth2(TestTokens.crm()).contentType(contentType + "; charset=utf-8")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/outcomes").then().statusCode(200).extract().asString());
    }

    private static JsonNode decide(String body) throws Exception {
        return JSON.readTree(given().auth().oauth2(TestTokens.crm()).contentType("application/json; charset=utf-8").body(body)
                .post("/decide").then().statusCode(200).extract().asString());
    }

    private static JsonNode report() throws Exception {
        return JSON.readTree(given().auth().oauth2(TestTokens.analyst()).get("/reports/campaigns/" + CAMPAIGN)
                .then().statusCode(200).extract().asString());
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : new BigDecimal(node.asText());
    }

    private static final class Expected {
        int customers;
        int sent;
        int redeemed;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
    }

    private static Map<String, Expected> expectedGroups(List<Known> customers) {
        Map<String, Expected> groups = Map.of("treated", new Expected(), "holdout", new Expected());
        for (Known k : customers) {
            Expected g = groups.get(k.holdout() ? "holdout" : "treated");
            g.customers++;
            g.sent += k.sent() ? 1 : 0;
            if (k.redeemedOrder() != null) {
                g.redeemed++;
                g.revenue = g.revenue.add(k.redeemedOrder());
                if (!k.holdout()) {
                    g.cost = g.cost.add(k.amountOff() != null ? k.amountOff() : k.percentOff() == null ? BigDecimal.ZERO
                            : k.redeemedOrder().multiply(k.percentOff()).movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN));
                }
            }
        }
        return groups;
    }

    private static void assertGroup(JsonNode actual, Expected expected) {
        assertThat(actual.get("customers").asInt()).isEqualTo(expected.customers);
        assertThat(actual.get("sent").asInt()).isEqualTo(expected.sent);
        assertThat(actual.get("redeemed").asInt()).isEqualTo(expected.redeemed);
        if (expected.customers > 0) {
            assertThat(actual.get("redemptionRate").asDouble()).isEqualTo((double) expected.redeemed / expected.customers);
        }
        assertThat(new BigDecimal(actual.get("revenue").asText())).isEqualByComparingTo(expected.revenue);
        assertThat(new BigDecimal(actual.get("couponCost").asText())).isEqualByComparingTo(expected.cost);
    }
}
