package dev.coupondecision.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.InvalidRequestException;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every validation rule of the request, and that one answer lists every violation. */
class RequestParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-20T04:00:00.750Z");
    private static final RequestParser PARSER = new RequestParser(Clock.fixed(NOW, ZoneOffset.UTC),
            ZoneId.of("Asia/Shanghai"));

    /** A valid request using every field. */
    private static final String FULL = """
            {"customerId": "c-1001", "asOf": "2026-11-20T12:00:00+08:00", "timezone": "Asia/Shanghai",
             "smsConsent": true, "unsubscribed": false, "orderCount": 3, "ordersLast90Days": 2,
             "spendLast365Days": 850.50, "lastPurchaseDate": "2026-10-01", "lastCartActivityDate": "2026-11-20",
             "favoriteCategory": "beauty", "birthday": "02-29",
             "campaign": {"id": "cmp-1", "type": "RECALL", "bigSale": true},
             "contactHistory": [
               {"sentAt": "2026-11-18T12:00:00+08:00", "campaignType": "PROMOTION", "campaignId": "cmp-0"},
               {"sentAt": "2026-11-20T04:00:00Z", "campaignType": "RECALL"}]}
            """;

    // ---- valid requests

    @Test
    void parsesEveryField() {
        DecisionRequest request = PARSER.parse(json(FULL));
        assertThat(request.customerId()).isEqualTo("c-1001");
        assertThat(request.asOf()).isEqualTo(Instant.parse("2026-11-20T04:00:00Z"));
        assertThat(request.timezone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(request.smsConsent()).isTrue();
        assertThat(request.unsubscribed()).isFalse();
        assertThat(request.orderCount()).isEqualTo(3);
        assertThat(request.ordersLast90Days()).isEqualTo(2);
        assertThat(request.spendLast365Days()).isEqualByComparingTo("850.5");
        assertThat(request.lastPurchaseDate()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(request.lastCartActivityDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(request.favoriteCategory()).isEqualTo("beauty");
        assertThat(request.birthday()).isEqualTo(MonthDay.of(2, 29));
        assertThat(request.campaign()).isEqualTo(new DecisionRequest.Campaign("cmp-1", CampaignType.RECALL, true));
        assertThat(request.contactHistory()).containsExactly(
                new DecisionRequest.Contact(Instant.parse("2026-11-18T04:00:00Z"), CampaignType.PROMOTION, "cmp-0"),
                new DecisionRequest.Contact(Instant.parse("2026-11-20T04:00:00Z"), CampaignType.RECALL, null));
    }

    @Test
    void appliesDefaultsToOptionalFields() {
        DecisionRequest request = PARSER.parse(json("{\"customerId\": \"c-1\", \"smsConsent\": false, \"orderCount\": 0}"));
        assertThat(request.asOf()).as("now, to the second").isEqualTo(Instant.parse("2026-11-20T04:00:00Z"));
        assertThat(request.timezone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(request.unsubscribed()).isFalse();
        assertThat(request.ordersLast90Days()).isZero();
        assertThat(request.spendLast365Days()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(request.lastPurchaseDate()).isNull();
        assertThat(request.lastCartActivityDate()).isNull();
        assertThat(request.favoriteCategory()).isNull();
        assertThat(request.birthday()).isNull();
        assertThat(request.campaign()).isEqualTo(DecisionRequest.Campaign.DEFAULT);
        assertThat(request.contactHistory()).isEmpty();
    }

    @Test
    void nullOptionalFieldsAreDefaultsToo() {
        DecisionRequest request = PARSER.parse(json("""
                {"customerId": "c-1", "smsConsent": true, "orderCount": 0, "asOf": null, "timezone": null,
                 "campaign": null, "contactHistory": null, "birthday": null, "spendLast365Days": null}"""));
        assertThat(request.campaign()).isEqualTo(DecisionRequest.Campaign.DEFAULT);
        assertThat(request.contactHistory()).isEmpty();
    }

    @Test
    void rejectsANonObject() {
        assertViolations("[1, 2]", "");
        assertViolations("\"text\"", "");
    }

    // ---- unknown fields, at every level

    @Test
    void rejectsUnknownFieldsAtTheTopInTheCampaignAndInContacts() {
        assertViolations(with(o -> o.put("email", "a@b.c")), "email");
        assertViolations(with(o -> ((ObjectNode) o.get("campaign")).put("channel", "sms")), "campaign.channel");
        assertViolations(with(o -> ((ObjectNode) o.get("contactHistory").get(1)).put("opened", true)),
                "contactHistory[1].opened");
    }

    // ---- required fields

    @ParameterizedTest
    @ValueSource(strings = {"customerId", "smsConsent", "orderCount"})
    void requiresTheRequiredFields(String field) {
        assertViolations(with(o -> o.remove(field)), field);
        assertViolations(with(o -> o.putNull(field)), field);
    }

    @Test
    void requiresSentAtAndCampaignTypeOfEachContact() {
        assertViolations(with(o -> ((ObjectNode) o.get("contactHistory").get(0)).remove("sentAt")),
                "contactHistory[0].sentAt");
        assertViolations(with(o -> ((ObjectNode) o.get("contactHistory").get(1)).remove("campaignType")),
                "contactHistory[1].campaignType");
    }

    // ---- wrong types and formats

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "customerId        | 1001",
            "asOf              | \"yesterday\"",
            "asOf              | \"2026-11-20T12:00:00\"",
            "asOf              | 1763611200",
            "timezone          | 8",
            "smsConsent        | \"yes\"",
            "smsConsent        | 1",
            "unsubscribed      | \"false\"",
            "orderCount        | -1",
            "orderCount        | 1.5",
            "orderCount        | \"3\"",
            "orderCount        | 3000000000",
            "ordersLast90Days  | -2",
            "spendLast365Days  | -0.01",
            "spendLast365Days  | \"100\"",
            "lastPurchaseDate  | \"2026/10/01\"",
            "lastPurchaseDate  | \"2026-02-30\"",
            "lastCartActivityDate | 20261001",
            "favoriteCategory  | \"Beauty\"",
            "favoriteCategory  | \"\"",
            "birthday          | 229",
            "campaign          | \"cmp-1\"",
            "contactHistory    | {}",
    })
    void rejectsWrongTypesAndFormats(String field, String value) {
        assertViolations(with(o -> o.set(field, json(value))), field);
    }

    @Test
    void rejectsWrongTypesInsideCampaignAndContacts() {
        assertViolations(with(o -> ((ObjectNode) o.get("campaign")).put("type", "SALE")), "campaign.type");
        assertViolations(with(o -> ((ObjectNode) o.get("campaign")).put("bigSale", "true")), "campaign.bigSale");
        assertViolations(with(o -> ((ObjectNode) o.get("campaign")).put("id", "cmp 1")), "campaign.id");
        assertViolations(with(o -> ((ArrayNode) o.get("contactHistory")).add("2026-11-18")), "contactHistory[2]");
        assertViolations(with(o -> ((ObjectNode) o.get("contactHistory").get(0)).put("campaignType", "promotion")),
                "contactHistory[0].campaignType");
        assertViolations(with(o -> ((ObjectNode) o.get("contactHistory").get(0)).put("sentAt", "2026-11-18")),
                "contactHistory[0].sentAt");
        assertViolations(with(o -> ((ObjectNode) o.get("contactHistory").get(0)).put("campaignId", "")),
                "contactHistory[0].campaignId");
    }

    // ---- customerId pattern

    @ParameterizedTest
    @ValueSource(strings = {"", "c 1", "c/1", "kundé", "c-1\n", "x1234567890123456789012345678901234567890123456789012345678901234"})
    void rejectsCustomerIdsOutsideThePattern(String id) {
        // the last one is 65 characters long
        assertViolations(with(o -> o.put("customerId", id)), "customerId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "a-Z_0.9:x", "1234567890123456789012345678901234567890123456789012345678901234"})
    void acceptsCustomerIdsInThePattern(String id) {
        // the last one is 64 characters long
        assertThat(PARSER.parse(with(o -> o.put("customerId", id))).customerId()).isEqualTo(id);
    }

    // ---- consistency rules

    @Test
    void ordersLast90DaysMayNotExceedOrderCount() {
        assertViolations(with(o -> o.put("ordersLast90Days", 4)), "ordersLast90Days");
        assertThat(PARSER.parse(with(o -> o.put("ordersLast90Days", 3))).ordersLast90Days()).isEqualTo(3);
    }

    @Test
    void lastPurchaseDateIsRequiredExactlyWhenThereAreOrders() {
        assertViolations(with(o -> o.remove("lastPurchaseDate")), "lastPurchaseDate");
        assertViolations(with(o -> o.put("orderCount", 0).put("ordersLast90Days", 0)), "lastPurchaseDate");
        DecisionRequest noOrders = PARSER.parse(with(o -> {
            o.put("orderCount", 0).put("ordersLast90Days", 0);
            o.remove("lastPurchaseDate");
        }));
        assertThat(noOrders.lastPurchaseDate()).isNull();
    }

    @Test
    void datesMayNotBeAfterTheCustomersLocalToday() {
        // 17:00 UTC on 2026-11-20 is already 2026-11-21 in Shanghai, still 2026-11-20 in UTC.
        ObjectNode shanghai = with(o -> o.put("asOf", "2026-11-20T17:00:00Z").put("lastPurchaseDate", "2026-11-21")
                .put("lastCartActivityDate", "2026-11-21"));
        assertThat(PARSER.parse(shanghai).lastPurchaseDate()).isEqualTo(LocalDate.of(2026, 11, 21));

        assertViolations(with(o -> o.put("asOf", "2026-11-20T17:00:00Z").put("lastPurchaseDate", "2026-11-22")),
                "lastPurchaseDate");
        assertViolations(with(o -> o.put("asOf", "2026-11-20T17:00:00Z").put("lastCartActivityDate", "2026-11-22")),
                "lastCartActivityDate");
        assertViolations(with(o -> o.put("asOf", "2026-11-20T17:00:00Z").put("timezone", "UTC")
                .put("lastPurchaseDate", "2026-11-21").put("lastCartActivityDate", "2026-11-21")),
                "lastPurchaseDate", "lastCartActivityDate");
    }

    @Test
    void datesAreCheckedAgainstTheClockWhenAsOfIsAbsent() {
        // The clock says 2026-11-20T04:00Z = 12:00 in Shanghai.
        assertViolations(with(o -> {
            o.remove("asOf");
            o.put("lastPurchaseDate", "2026-11-21");
            ((ArrayNode) o.get("contactHistory")).removeAll();
        }), "lastPurchaseDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", "Shanghai", "+08:00", "GMT+8", ""})
    void rejectsUnknownTimeZones(String zone) {
        assertViolations(with(o -> o.put("timezone", zone)), "timezone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"02-30", "2027-02-29", "13-01", "00-10", "04-31", "2-3", "--02-29", "1990-1-1"})
    void rejectsImpossibleBirthdays(String birthday) {
        assertViolations(with(o -> o.put("birthday", birthday)), "birthday");
    }

    @ParameterizedTest
    @CsvSource({"02-29, 02-29", "2028-02-29, 02-29", "1990-12-31, 12-31", "01-01, 01-01"})
    void acceptsRealBirthdays(String birthday, String monthDay) {
        assertThat(PARSER.parse(with(o -> o.put("birthday", birthday))).birthday())
                .isEqualTo(MonthDay.parse("--" + monthDay));
    }

    @Test
    void contactHistoryHoldsAtMostAThousandEntries() {
        ObjectNode thousand = with(o -> {
            ArrayNode history = o.putArray("contactHistory");
            for (int i = 0; i < RequestParser.MAX_CONTACT_HISTORY; i++) {
                history.addObject().put("sentAt", "2026-11-01T00:00:00Z").put("campaignType", "PROMOTION");
            }
        });
        assertThat(PARSER.parse(thousand).contactHistory()).hasSize(1000);
        ((ArrayNode) thousand.get("contactHistory")).addObject().put("sentAt", "2026-11-01T00:00:00Z")
                .put("campaignType", "PROMOTION");
        assertViolations(thousand, "contactHistory");
    }

    @Test
    void contactsMayNotBeSentAfterAsOf() {
        assertViolations(with(o -> ((ObjectNode) o.get("contactHistory").get(1)).put("sentAt", "2026-11-20T04:00:01Z")),
                "contactHistory[1].sentAt");
        // exactly at asOf is fine (the full request has one)
        assertThat(PARSER.parse(json(FULL)).contactHistory()).hasSize(2);
    }

    @Test
    void contactsAreCheckedAgainstTheClockWhenAsOfIsAbsent() {
        assertViolations(with(o -> {
            o.remove("asOf");
            ((ObjectNode) o.get("contactHistory").get(1)).put("sentAt", "2026-11-20T04:00:01Z");
        }), "contactHistory[1].sentAt");
    }

    // ---- all at once

    @Test
    void reportsEveryViolationInOneAnswer() {
        String request = """
                {"customerId": "c 1", "asOf": "2026-11-20T12:00:00+08:00", "timezone": "Asia/Shanghia",
                 "smsConsent": "yes", "orderCount": 2, "ordersLast90Days": 3, "spendLast365Days": -5,
                 "lastCartActivityDate": "2026-11-21", "favoriteCategory": "Books", "birthday": "02-30",
                 "nickname": "x",
                 "campaign": {"id": "cmp-1", "type": "FLASH", "bigSale": "no", "channel": "sms"},
                 "contactHistory": [
                   {"sentAt": "2026-11-21T00:00:00+08:00", "campaignType": "RECALL", "clicked": true},
                   {"campaignType": "NEWSLETTER"},
                   42]}
                """;
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> PARSER.parse(json(request)));
        assertThat(e).isNotNull();
        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                "nickname", "customerId", "timezone", "smsConsent", "ordersLast90Days", "spendLast365Days",
                "lastPurchaseDate", "lastCartActivityDate", "favoriteCategory", "birthday",
                "campaign.channel", "campaign.type", "campaign.bigSale",
                "contactHistory[0].clicked", "contactHistory[0].sentAt",
                "contactHistory[1].sentAt", "contactHistory[1].campaignType",
                "contactHistory[2]");
        assertThat(e.getMessage()).startsWith("18 invalid field(s): ");
        assertThat(e.violations()).allSatisfy(v -> assertThat(v.expected()).isNotBlank());
        Violation spend = e.violations().stream().filter(v -> v.field().equals("spendLast365Days")).findFirst().orElseThrow();
        assertThat(spend.rejectedValue().asInt()).isEqualTo(-5);
    }

    // ---- helpers

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static ObjectNode with(Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) json(FULL);
        change.accept(node);
        return node;
    }

    /** The request is rejected with exactly these violated fields. */
    private static void assertViolations(Object request, String... fields) {
        JsonNode node = request instanceof String text ? json(text) : (JsonNode) request;
        assertThatThrownBy(() -> PARSER.parse(node))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).as("violations of %s", node).containsExactlyInAnyOrder(fields));
    }
}
