package dev.coupondecision.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.problem.Problem;
import dev.coupondecision.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The HTTP contract of {@code POST /decide}, health and the API description. Runs in-process here and against
 * the packaged jar in {@link DecideResourceIT}, so it talks HTTP only: no injection.
 */
@QuarkusTest
public class DecideResourceTest {

    /** Every request carries a token with the crm role; unprotected endpoints ignore it. */
    private static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(TestTokens.crm());
    }
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String INVALID_REQUEST = "https://coupon-decision.dev/problems/invalid-request";
    private static final String MALFORMED_JSON = "https://coupon-decision.dev/problems/malformed-json";
    private static final long MAX_BODY_BYTES = 1024L * 1024; // coupon.decide-max-body=1M

    /** The documented example customer, asOf given in UTC: 04:00Z is 12:00 in Shanghai. */
    private static final String HIGH_VALUE = """
            {"customerId": "c-1001", "asOf": "2026-11-20T04:00:00Z", "timezone": "Asia/Shanghai",
             "smsConsent": true, "orderCount": 5, "ordersLast90Days": 3, "spendLast365Days": 2500,
             "lastPurchaseDate": "2026-11-01", "favoriteCategory": "beauty", "birthday": "11-25",
             "campaign": {"id": "double12-2026", "type": "PROMOTION"},
             "contactHistory": [{"sentAt": "2026-11-16T20:05:00+08:00", "campaignType": "PROMOTION",
                                 "campaignId": "double11-2026"}]}
            """;

    /** A high-value customer with no contact history and no asOf or timezone: eligible now. */
    private static String highValueWithoutTime() {
        LocalDate recently = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10);
        return """
                {"customerId": "hv-now", "smsConsent": true, "orderCount": 5, "ordersLast90Days": 3,
                 "spendLast365Days": 2500, "lastPurchaseDate": "%s"}""".formatted(recently);
    }

    // ---------------------------------------------------------------- happy path

    @Test
    void shouldDecideForHighValueCustomerWithEveryTopLevelField() {
        Response response = decide(HIGH_VALUE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mediaType(response)).isEqualTo("application/json");
        JsonNode body = json(response);

        assertThat(fieldNames(body)).containsExactly("decisionId", "customerId", "asOf", "rulesetVersion", "tier",
                "coupon", "frequencyCap", "eligible", "suppressions", "nextEligibleAt", "sendWindow", "contactHistorySource", "firedRules");
        assertThat(UUID.fromString(body.get("decisionId").asText()).toString())
                .isEqualTo(body.get("decisionId").asText());
        assertThat(body.get("customerId").asText()).isEqualTo("c-1001");
        assertThat(body.get("asOf").asText()).isEqualTo("2026-11-20T12:00:00+08:00");
        assertThat(body.get("rulesetVersion").asText()).matches("[0-9a-f]{12}").isEqualTo(readyRulesetVersion());
        assertThat(body.get("tier").asText()).isEqualTo("HIGH_VALUE");
        assertThat(body.get("coupon")).isEqualTo(tree("""
                {"type": "BIRTHDAY", "amountOff": 50, "minSpend": 0, "percentOff": null, "validHours": 168,
                 "validUntil": "2026-11-30T20:05:00+08:00", "category": "beauty", "experiment": null, "variant": null}"""));
        assertThat(body.get("frequencyCap")).isEqualTo(tree("{\"maxMessages\": 4, \"periodDays\": 30}"));
        assertThat(body.get("eligible").isBoolean()).isTrue();
        assertThat(body.get("eligible").booleanValue()).isFalse();
        assertThat(body.get("suppressions")).isEqualTo(tree("""
                [{"code": "FREQUENCY_CAP",
                  "message": "Frequency cap ONE_IN_7_DAYS reached: 1 message in the last 7 days, at most 1 allowed",
                  "cap": "ONE_IN_7_DAYS", "maxMessages": 1, "periodDays": 7, "count": 1,
                  "until": "2026-11-23T20:05:00+08:00"}]"""));
        assertThat(body.get("nextEligibleAt").asText()).isEqualTo("2026-11-23T20:05:00+08:00");
        assertThat(body.get("sendWindow")).isEqualTo(tree("""
                {"start": "2026-11-23T20:05:00+08:00", "end": "2026-11-23T21:30:00+08:00"}"""));

        JsonNode fired = body.get("firedRules");
        assertThat(fired.isArray()).isTrue();
        assertThat(fired.size()).isGreaterThan(0);
        for (JsonNode rule : fired) {
            assertThat(fieldNames(rule)).as("fired rule %s", rule).containsExactly("rule", "source", "sets");
            assertThat(rule.get("rule").asText()).isNotBlank();
            assertThat(rule.get("source").asText()).as("source of %s", rule)
                    .matches("[\\w.-]+\\.drl › \\S.*|[\\w.-]+\\.xlsx › \\w+ › row \\d+");
        }
        java.util.Map<String, String> sets = new java.util.HashMap<>();
        fired.forEach(rule -> sets.put(rule.get("rule").asText(), rule.get("sets").toString()));
        assertThat(sets).contains(entry("High value: frequent and big spender", "[\"tier\"]"),
                entry("High value near birthday", "[\"coupon\"]"), entry("High value cap", "[\"frequencyCap\"]"),
                entry("CouponCategoryFromFavorite", "[\"coupon.category\"]"),
                entry("AtMostOneMessageInSevenDaysOutsideBigSales", "[\"suppression:FREQUENCY_CAP\"]"));
        assertThat(firedPairs(fired)).contains(
                entry("High value: frequent and big spender", "tiers.xlsx › Tiers › row 17"),
                entry("High value near birthday", "coupons.xlsx › Coupons › row 12"),
                entry("High value cap", "frequency-caps.xlsx › FrequencyCaps › row 12"),
                entry("AtMostOneMessageInSevenDaysOutsideBigSales",
                        "eligibility.drl › AtMostOneMessageInSevenDaysOutsideBigSales"));
    }

    @Test
    void shouldGiveARetryTheSameDecisionIdAndAnotherRequestAnother() {
        String first = json(decide(HIGH_VALUE)).get("decisionId").asText();
        String retry = json(decide(HIGH_VALUE)).get("decisionId").asText();
        String other = json(decide(HIGH_VALUE.replace("\"c-1001\"", "\"c-1002\""))).get("decisionId").asText();
        String reordered = json(decide(HIGH_VALUE.replace("\"orderCount\": 5, \"ordersLast90Days\": 3",
                "\"ordersLast90Days\": 3, \"orderCount\": 5"))).get("decisionId").asText();
        assertThat(UUID.fromString(first).version()).isEqualTo(8);
        assertThat(retry).isEqualTo(first);
        assertThat(reordered).as("the same request with its fields in another order").isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void shouldEchoAsOfInTheOffsetOfTheGivenTimezone() {
        JsonNode body = json(decideOk("""
                {"customerId": "berlin", "asOf": "2026-11-20T12:00:00+08:00", "timezone": "Europe/Berlin",
                 "smsConsent": true, "orderCount": 5, "ordersLast90Days": 3, "spendLast365Days": 2500,
                 "lastPurchaseDate": "2026-11-01"}"""));
        assertThat(body.get("asOf").asText()).isEqualTo("2026-11-20T05:00:00+01:00");
        assertThat(body.get("sendWindow")).isEqualTo(tree("""
                {"start": "2026-11-20T20:00:00+01:00", "end": "2026-11-20T21:30:00+01:00"}"""));
    }

    @Test
    void shouldDefaultAsOfToNowAndTimezoneToShanghai() {
        Instant before = Instant.now();
        JsonNode body = json(decideOk(highValueWithoutTime()));
        Instant after = Instant.now();

        OffsetDateTime asOf = OffsetDateTime.parse(body.get("asOf").asText());
        assertThat(asOf.getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(asOf.toInstant()).isBetween(before.minusSeconds(3), after.plusSeconds(3));
        assertThat(body.get("eligible").booleanValue()).isTrue();
        JsonNode window = body.get("sendWindow");
        assertThat(window.isObject()).as("send window of an eligible customer: %s", window).isTrue();
        for (String end : List.of("start", "end")) {
            OffsetDateTime at = OffsetDateTime.parse(window.get(end).asText());
            assertThat(at.getOffset()).as("sendWindow.%s", end).isEqualTo(ZoneOffset.ofHours(8));
            assertThat(Duration.between(asOf, at)).as("sendWindow.%s from asOf", end)
                    .isLessThanOrEqualTo(Duration.ofDays(8));
        }
        assertThat(OffsetDateTime.parse(window.get("end").asText()).toInstant()).isAfter(asOf.toInstant());
    }

    @Test
    void shouldAcceptADateOnTheCustomersLocalDateEvenWhenItIsTomorrowInUtc() {
        // 23:30Z on the 20th is already the 21st in Shanghai
        JsonNode body = json(decideOk("""
                {"customerId": "c-1", "asOf": "2026-11-20T23:30:00Z", "smsConsent": true, "orderCount": 1,
                 "lastPurchaseDate": "2026-11-21", "lastCartActivityDate": "2026-11-21"}"""));
        assertThat(body.get("asOf").asText()).isEqualTo("2026-11-21T07:30:00+08:00");
    }

    @Test
    void shouldAcceptLeapDayBirthdayAsMonthDay() {
        decideOk("""
                {"customerId": "c-1", "smsConsent": true, "orderCount": 0, "birthday": "02-29"}""");
    }

    @Test
    void shouldAcceptExactly1000ContactHistoryEntries() {
        JsonNode body = json(decideOk(withContactHistory(1000)));
        assertThat(body.get("customerId").asText()).isEqualTo("c-history");
    }

    @Test
    void shouldAnswerTheDocumentedRequestExampleWithTheDocumentedResponse() {
        JsonNode post = openApi().at("/paths/~1decide/post");
        JsonNode request = post.at("/requestBody/content/application~1json/examples/high-value/value");
        JsonNode documented = post.at("/responses/200/content/application~1json/examples/high-value/value");
        assertThat(request.isObject()).isTrue();
        assertThat(documented.isObject()).isTrue();

        ObjectNode actual = (ObjectNode) json(decideOk(request.toString()));
        ObjectNode expected = documented.deepCopy();
        for (String varying : List.of("decisionId", "rulesetVersion")) {
            assertThat(actual.remove(varying)).as(varying).isNotNull();
            assertThat(expected.remove(varying)).as(varying).isNotNull();
        }
        assertThat(actual).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- 400: not a JSON object

    @Test
    void shouldRejectMalformedJsonWithLineAndColumn() {
        JsonNode problem = problem(decide("{\"customerId\": \"c-1\",\n \"orderCount\": }"), 400);
        assertThat(problem.get("type").asText()).isEqualTo(MALFORMED_JSON);
        assertThat(problem.get("title").asText()).isEqualTo("Malformed JSON");
        assertThat(problem.get("detail").asText()).contains("line 2, column 16");
        assertThat(problem.has("violations")).isFalse();
    }

    @Test
    void shouldRejectTrailingContentAfterTheObjectAsMalformedJson() {
        JsonNode problem = problem(decide("{\"customerId\": \"c-1\", \"smsConsent\": true, \"orderCount\": 0} xyz"), 400);
        assertThat(problem.get("type").asText()).isEqualTo(MALFORMED_JSON);
        assertThat(problem.get("detail").asText()).contains("line 1, column");
    }

    @Test
    void shouldRejectJsonArrayBody() {
        JsonNode problem = problem(decide("[{\"customerId\": \"c-1\", \"smsConsent\": true, \"orderCount\": 0}]"), 400);
        assertThat(problem.get("type").asText()).isEqualTo(INVALID_REQUEST);
        assertThat(violations(problem)).containsOnlyKeys("");
        assertThat(violation(problem, "").get("rejectedValue").isArray()).isTrue();
        assertThat(violation(problem, "").get("expected").asText()).isEqualTo("a JSON object");
    }

    @Test
    void shouldRejectEmptyBody() {
        JsonNode problem = problem(decide(""), 400);
        assertThat(violations(problem)).containsOnlyKeys("");
    }

    // ---------------------------------------------------------------- 400: fields

    @Test
    void shouldRejectUnknownFieldWithItsName() {
        JsonNode problem = problem(decide("""
                {"customerId": "c-1", "smsConsent": true, "orderCount": 0, "loyaltyPoints": 120}"""), 400);
        assertThat(problem.get("type").asText()).isEqualTo(INVALID_REQUEST);
        assertThat(problem.get("detail").asText()).isEqualTo("1 field was rejected");
        assertThat(violations(problem)).containsOnlyKeys("loyaltyPoints");
        assertThat(violation(problem, "loyaltyPoints").get("rejectedValue")).isEqualTo(tree("120"));
        assertThat(violation(problem, "loyaltyPoints").get("expected").asText())
                .startsWith("no such field").contains("customerId", "orderCount", "contactHistory");
    }

    @Test
    void shouldRejectUnknownNestedFieldsWithTheirPaths() {
        JsonNode problem = problem(decide("""
                {"customerId": "c-1", "asOf": "2026-11-20T12:00:00+08:00", "smsConsent": true, "orderCount": 0,
                 "campaign": {"id": "d12", "x": 1},
                 "contactHistory": [{"sentAt": "2026-11-01T10:00:00+08:00", "campaignType": "PROMOTION", "x": "y"}]}
                """), 400);
        assertThat(violations(problem)).containsOnly(
                entry("campaign.x", tree("1")),
                entry("contactHistory[0].x", tree("\"y\"")));
        assertThat(violation(problem, "campaign.x").get("expected").asText())
                .isEqualTo("no such field; known fields are bigSale, id, type");
        assertThat(violation(problem, "contactHistory[0].x").get("expected").asText())
                .isEqualTo("no such field; known fields are campaignId, campaignType, sentAt");
    }

    @Test
    void shouldRejectStringOrderCountAndNumericSmsConsent() {
        JsonNode problem = problem(decide("""
                {"customerId": "c-1", "smsConsent": 1, "orderCount": "5"}"""), 400);
        assertThat(problem.get("detail").asText()).isEqualTo("2 fields were rejected");
        assertThat(violations(problem)).containsOnly(
                entry("smsConsent", tree("1")),
                entry("orderCount", tree("\"5\"")));
        assertThat(violation(problem, "smsConsent").get("expected").asText()).isEqualTo("true or false");
        assertThat(violation(problem, "orderCount").get("expected").asText()).isEqualTo("an integer >= 0");
    }

    @Test
    void shouldRejectMissingRequiredFields() {
        JsonNode problem = problem(decide("{}"), 400);
        assertThat(problem.get("detail").asText()).isEqualTo("3 fields were rejected");
        assertThat(violations(problem)).containsOnlyKeys("customerId", "smsConsent", "orderCount");
        for (JsonNode v : problem.get("violations")) {
            assertThat(v.get("rejectedValue").isNull()).as("%s", v).isTrue();
            assertThat(v.get("expected").asText()).as("%s", v).endsWith("(required)");
        }
    }

    @Test
    void shouldRequireLastPurchaseDateWhenThereAreOrders() {
        JsonNode problem = problem(decide("""
                {"customerId": "c-1", "smsConsent": true, "orderCount": 2}"""), 400);
        assertThat(violations(problem)).containsOnlyKeys("lastPurchaseDate");
        assertThat(violation(problem, "lastPurchaseDate").get("expected").asText())
                .isEqualTo("an ISO date (required when orderCount > 0)");
    }

    @Test
    void shouldListEveryViolationOfOneRequest() {
        JsonNode problem = problem(decide("""
                {"customerId": "", "asOf": "2026-11-20T12:00:00+08:00", "timezone": "Mars/Olympus",
                 "smsConsent": "yes", "orderCount": -1, "ordersLast90Days": 2.5, "spendLast365Days": "a lot",
                 "favoriteCategory": "Beauty!", "birthday": "02-30",
                 "campaign": {"type": "SPAM", "bigSale": "no"},
                 "contactHistory": [{"sentAt": "2026-11-21T00:00:00+08:00", "campaignType": "PROMOTION"},
                                    {"campaignType": "EMAIL"}]}
                """), 400);
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        expected.put("customerId", tree("\"\""));
        expected.put("timezone", tree("\"Mars/Olympus\""));
        expected.put("smsConsent", tree("\"yes\""));
        expected.put("orderCount", tree("-1"));
        expected.put("ordersLast90Days", tree("2.5"));
        expected.put("spendLast365Days", tree("\"a lot\""));
        expected.put("favoriteCategory", tree("\"Beauty!\""));
        expected.put("birthday", tree("\"02-30\""));
        expected.put("campaign.type", tree("\"SPAM\""));
        expected.put("campaign.bigSale", tree("\"no\""));
        expected.put("contactHistory[0].sentAt", tree("\"2026-11-21T00:00:00+08:00\""));
        expected.put("contactHistory[1].sentAt", tree("null"));
        expected.put("contactHistory[1].campaignType", tree("\"EMAIL\""));
        assertThat(violations(problem)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(problem.get("violations").size()).isEqualTo(expected.size());
        assertThat(problem.get("detail").asText()).isEqualTo(expected.size() + " fields were rejected");
        for (JsonNode v : problem.get("violations")) {
            assertThat(v.get("expected").asText()).as("%s", v).isNotBlank();
        }
        assertThat(violation(problem, "contactHistory[0].sentAt").get("expected").asText())
                .isEqualTo("an instant not after asOf (2026-11-20T04:00:00Z)");
    }

    @Test
    void shouldRejectUnknownTimeZone() {
        JsonNode problem = problem(decide("""
                {"customerId": "c-1", "timezone": "Asia/Atlantis", "smsConsent": true, "orderCount": 0}"""), 400);
        assertThat(violations(problem)).containsOnly(entry("timezone", tree("\"Asia/Atlantis\"")));
        assertThat(violation(problem, "timezone").get("expected").asText()).contains("IANA time zone");
    }

    @Test
    void shouldRejectImpossibleBirthdays() {
        for (String birthday : List.of("02-30", "13-01", "2026-02-29", "11/25")) {
            JsonNode problem = problem(decide("""
                    {"customerId": "c-1", "smsConsent": true, "orderCount": 0, "birthday": "%s"}"""
                    .formatted(birthday)), 400);
            assertThat(violations(problem)).as(birthday).containsOnly(entry("birthday", tree('"' + birthday + '"')));
            assertThat(violation(problem, "birthday").get("expected").asText())
                    .isEqualTo("a real calendar day as MM-DD or YYYY-MM-DD (02-29 allowed, years 1900 to 2200)");
        }
    }

    @Test
    void shouldRejectDatesAfterTheLocalDateOfAsOf() {
        // 23:30Z on the 20th is the 21st in Shanghai: the 22nd is in the customer's future
        JsonNode problem = problem(decide("""
                {"customerId": "c-1", "asOf": "2026-11-20T23:30:00Z", "smsConsent": true, "orderCount": 1,
                 "lastPurchaseDate": "2026-11-22", "lastCartActivityDate": "2026-11-22",
                 "contactHistory": [{"sentAt": "2026-11-20T23:30:01Z", "campaignType": "RECALL"}]}"""), 400);
        assertThat(violations(problem)).containsOnly(
                entry("lastPurchaseDate", tree("\"2026-11-22\"")),
                entry("lastCartActivityDate", tree("\"2026-11-22\"")),
                entry("contactHistory[0].sentAt", tree("\"2026-11-20T23:30:01Z\"")));
        assertThat(violation(problem, "lastPurchaseDate").get("expected").asText())
                .isEqualTo("a date not after the customer's local date of asOf (2026-11-21)");
    }

    @Test
    void shouldJudgeFutureDatesInTheGivenTimezone() {
        // 23:30Z on the 20th is still the 20th in UTC
        JsonNode problem = problem(decide("""
                {"customerId": "c-1", "asOf": "2026-11-20T23:30:00Z", "timezone": "UTC", "smsConsent": true,
                 "orderCount": 1, "lastPurchaseDate": "2026-11-21"}"""), 400);
        assertThat(violations(problem)).containsOnly(entry("lastPurchaseDate", tree("\"2026-11-21\"")));
        assertThat(violation(problem, "lastPurchaseDate").get("expected").asText()).endsWith("(2026-11-20)");
    }

    @Test
    void shouldRejectContactHistoryOf1001Entries() {
        JsonNode problem = problem(decide(withContactHistory(RequestParser.MAX_CONTACT_HISTORY + 1)), 400);
        assertThat(violations(problem)).containsOnlyKeys("contactHistory");
        assertThat(violation(problem, "contactHistory").get("expected").asText())
                .isEqualTo("at most 1000 entries, got 1001");
    }

    @Test
    void shouldRejectInfiniteSpend() {
        JsonNode problem = problem(decide("""
                {"customerId": "c-1", "smsConsent": true, "orderCount": 0, "spendLast365Days": 1e400}"""), 400);
        assertThat(violations(problem)).containsOnlyKeys("spendLast365Days");
        assertThat(violation(problem, "spendLast365Days").get("expected").asText()).isEqualTo("a number from 0 to 1000000000000");
    }

    static Stream<Arguments> hostileBodies() {
        return Stream.of(
                Arguments.of("null", "null"),
                Arguments.of("a string", "\"c-1\""),
                Arguments.of("a number", "42"),
                Arguments.of("NaN", "{\"customerId\": \"c-1\", \"smsConsent\": true, \"orderCount\": 0, "
                        + "\"spendLast365Days\": NaN}"),
                Arguments.of("negative infinite spend", "{\"customerId\": \"c-1\", \"smsConsent\": true, "
                        + "\"orderCount\": 0, \"spendLast365Days\": -1e400}"),
                Arguments.of("infinite order count", "{\"customerId\": \"c-1\", \"smsConsent\": true, "
                        + "\"orderCount\": 1e400}"),
                Arguments.of("order count beyond int", "{\"customerId\": \"c-1\", \"smsConsent\": true, "
                        + "\"orderCount\": 99999999999}"),
                Arguments.of("a 1100-digit number", "{\"customerId\": \"c-1\", \"smsConsent\": true, "
                        + "\"orderCount\": 0, \"spendLast365Days\": 1" + "0".repeat(1100) + "}"),
                Arguments.of("nesting 2000 deep", "[".repeat(2000)),
                Arguments.of("campaign not an object", "{\"customerId\": \"c-1\", \"smsConsent\": true, "
                        + "\"orderCount\": 0, \"campaign\": 5}"),
                Arguments.of("contactHistory not an array", "{\"customerId\": \"c-1\", \"smsConsent\": true, "
                        + "\"orderCount\": 0, \"contactHistory\": {}}"),
                Arguments.of("contact entries not objects", "{\"customerId\": \"c-1\", \"smsConsent\": true, "
                        + "\"orderCount\": 0, \"contactHistory\": [5, null]}"),
                Arguments.of("asOf without offset", "{\"customerId\": \"c-1\", \"asOf\": \"2026-11-20T12:00:00\", "
                        + "\"smsConsent\": true, \"orderCount\": 0}"),
                Arguments.of("more recent orders than orders", "{\"customerId\": \"c-1\", \"smsConsent\": true, "
                        + "\"orderCount\": 1, \"ordersLast90Days\": 2, \"lastPurchaseDate\": \"2026-01-01\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void shouldAnswerBadInputWith400ProblemNever500(String name, String body) {
        JsonNode problem = problem(decide(body), 400);
        assertThat(problem.get("type").asText()).isIn(INVALID_REQUEST, MALFORMED_JSON);
    }

    @Test
    void shouldAnswerInvalidUtf8With400() {
        byte[] body = "{\"customerId\": \"\u0000\u0000\", \"smsConsent\": true, \"orderCount\": 0}"
                .getBytes(StandardCharsets.UTF_8);
        body[16] = (byte) 0xff;
        body[17] = (byte) 0xfe;
        Response response = given().contentType(ContentType.JSON).body(body).when().post("/decide");
        // the bytes themselves are refused, not a text with U+FFFD where they were
        JsonNode problem = problem(response, 400);
        assertThat(problem.get("type").asText()).isEqualTo(MALFORMED_JSON);
        assertThat(problem.get("detail").asText()).contains("UTF-8").contains("0xff");
    }

    // ---------------------------------------------------------------- other statuses

    @Test
    void shouldAnswerTextPlainWith415Problem() {
        Response response = given().contentType("text/plain").body(HIGH_VALUE).when().post("/decide");
        JsonNode problem = problem(response, 415);
        assertThat(problem.get("title").asText()).isEqualTo("Unsupported Media Type");
    }

    @Test
    void shouldAnswerBodyOver1MegabyteWith413Problem() {
        String body = bodyOfSize(MAX_BODY_BYTES + 1024);
        Response response = given().contentType(ContentType.JSON).body(body).when().post("/decide");
        JsonNode problem = problem(response, 413);
        assertThat(problem.get("detail").asText()).contains("/decide/batch");
    }

    @Test
    void shouldReadBodyJustUnder1Megabyte() {
        // the same shape, small enough: read and judged on its fields rather than refused for its size
        JsonNode problem = problem(decide(bodyOfSize(MAX_BODY_BYTES - 1024)), 400);
        assertThat(violations(problem)).containsOnlyKeys("favoriteCategory");
    }

    @Test
    void shouldAnswerUnknownPathWith404Problem() {
        Response response = given().when().get("/no-such-path");
        JsonNode problem = problem(response, 404);
        assertThat(problem.get("title").asText()).isEqualTo("Not Found");
    }

    @Test
    void shouldAnswerGetOnDecideWith405Problem() {
        problem(given().when().get("/decide"), 405);
    }

    // ---------------------------------------------------------------- health

    @Test
    void shouldBeReadyWithTheRulesetCheck() {
        Response response = given().when().get("/q/health/ready");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode ruleset = check(health, "ruleset");
        assertThat(ruleset.get("status").asText()).isEqualTo("UP");
        assertThat(ruleset.at("/data/version").asText()).matches("[0-9a-f]{12}");
        assertThat(health.get("checks").findValuesAsText("name"))
                .as("the store is not part of readiness: replicas keep serving through a store outage")
                .containsExactly("ruleset");
        assertThat(Instant.parse(ruleset.at("/data/loadedAt").asText())).isBefore(Instant.now());
    }

    @Test
    void shouldBeLive() {
        Response response = given().when().get("/q/health/live");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("UP");
    }

    // ---------------------------------------------------------------- API description

    @Test
    void shouldDocumentDecideWithRequestAndResponseExamples() {
        JsonNode post = openApi().at("/paths/~1decide/post");
        assertThat(post.isObject()).as("POST /decide in the API description").isTrue();
        assertThat(post.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/DecisionRequest");
        assertThat(post.at("/requestBody/content/application~1json/examples/high-value/value/customerId").asText())
                .isEqualTo("c-1001");
        assertThat(post.at("/responses/200/content/application~1json/examples/high-value/value/tier").asText())
                .isEqualTo("HIGH_VALUE");
        JsonNode invalid = post.at("/responses/400/content/application~1problem+json/examples/invalid/value");
        assertThat(invalid.get("status").asInt()).isEqualTo(400);
        assertThat(invalid.get("violations").isArray()).isTrue();
        assertThat(post.at("/responses/413").isObject()).isTrue();
    }

    @Test
    void shouldDocumentExactlyTheFieldsTheParserAccepts() throws ReflectiveOperationException {
        JsonNode schemas = openApi().at("/components/schemas");
        assertThat(fieldNames(schemas.at("/DecisionRequest/properties")))
                .containsExactlyInAnyOrderElementsOf(parserFields("FIELDS"));
        assertThat(fieldNames(schemas.at("/Campaign/properties")))
                .containsExactlyInAnyOrderElementsOf(parserFields("CAMPAIGN_FIELDS"));
        assertThat(fieldNames(schemas.at("/Contact/properties")))
                .containsExactlyInAnyOrderElementsOf(parserFields("CONTACT_FIELDS"));
    }

    @Test
    void shouldDocumentExactlyTheRequiredFieldsTheParserRequires() {
        List<String> documented = new ArrayList<>();
        openApi().at("/components/schemas/DecisionRequest/required").forEach(n -> documented.add(n.asText()));
        JsonNode problem = problem(decide("{}"), 400);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(violations(problem).keySet());
    }

    // ---------------------------------------------------------------- helpers

    private static Response decide(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/decide");
    }

    private static Response decideOk(String body) {
        Response response = decide(body);
        assertThat(response.statusCode()).as("status of a valid request; body %s", response.asString())
                .isEqualTo(200);
        return response;
    }

    /** Checks the response is an RFC 7807 problem with this status, and returns its body. */
    private static JsonNode problem(Response response, int status) {
        assertThat(response.statusCode()).as("status; body %s", response.asString()).isEqualTo(status);
        assertThat(mediaType(response)).isEqualTo(PROBLEM_JSON);
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asText()).startsWith("https://coupon-decision.dev/problems/");
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        return body;
    }

    /** Violation field path to rejected value, failing on a field named twice. */
    private static Map<String, JsonNode> violations(JsonNode problem) {
        JsonNode list = problem.get("violations");
        assertThat(list).as("violations of %s", problem).isNotNull();
        Map<String, JsonNode> byField = new LinkedHashMap<>();
        for (JsonNode v : list) {
            assertThat(fieldNames(v)).containsExactly("field", "rejectedValue", "expected");
            assertThat(byField.put(v.get("field").asText(), v.get("rejectedValue")))
                    .as("violation named twice: %s", v).isNull();
        }
        return byField;
    }

    private static JsonNode violation(JsonNode problem, String field) {
        for (JsonNode v : problem.get("violations")) {
            if (v.get("field").asText().equals(field)) {
                return v;
            }
        }
        throw new AssertionError("no violation for " + field + " in " + problem);
    }

    private static String mediaType(Response response) {
        String type = response.contentType();
        return type == null ? null : type.split(";")[0].trim();
    }

    private static JsonNode json(Response response) {
        return tree(new String(response.asByteArray(), StandardCharsets.UTF_8));
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> firedPairs(JsonNode fired) {
        Map<String, String> pairs = new LinkedHashMap<>();
        fired.forEach(rule -> pairs.put(rule.get("rule").asText(), rule.get("source").asText()));
        return pairs;
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no health check " + name + " in " + health);
    }

    private static String readyRulesetVersion() {
        return check(json(given().when().get("/q/health/ready")), "ruleset").at("/data/version").asText();
    }

    private static JsonNode openApi() {
        Response response = given().queryParam("format", "json").when().get("/q/openapi");
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> parserFields(String constant) throws ReflectiveOperationException {
        Field field = RequestParser.class.getDeclaredField(constant);
        field.setAccessible(true);
        return (Set<String>) field.get(null);
    }

    private static String withContactHistory(int entries) {
        ObjectNode request = (ObjectNode) tree("""
                {"customerId": "c-history", "asOf": "2026-11-20T12:00:00+08:00", "smsConsent": true,
                 "orderCount": 0}""");
        ArrayNode history = request.putArray("contactHistory");
        for (int i = 0; i < entries; i++) {
            history.addObject().put("sentAt", "2026-01-01T10:00:00+08:00").put("campaignType", "PROMOTION");
        }
        return request.toString();
    }

    /** A syntactically valid request of exactly this many bytes whose favoriteCategory is far too long. */
    private static String bodyOfSize(long bytes) {
        String head = "{\"customerId\": \"c-big\", \"smsConsent\": true, \"orderCount\": 0, \"favoriteCategory\": \"";
        String tail = "\"}";
        String body = head + "a".repeat((int) (bytes - head.length() - tail.length())) + tail;
        assertThat((long) body.getBytes(StandardCharsets.UTF_8).length).isEqualTo(bytes);
        return body;
    }
}
