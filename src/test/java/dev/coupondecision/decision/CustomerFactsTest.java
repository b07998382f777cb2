package dev.coupondecision.decision;

import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.decision.facts.Customer;
import dev.coupondecision.decision.request.DecisionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The facts the rules see, derived in the customer's own zone. */
class CustomerFactsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @ParameterizedTest(name = "birthday {0} seen on {1}: in {2} days")
    @CsvSource({
            // 02-29 in a common year falls on 02-28
            "02-29, 2027-02-27, 1",
            "02-29, 2027-02-28, 0",
            "02-29, 2027-03-01, 365", // next one is 2028-02-29
            "02-29, 2026-12-31, 59",  // 2027-02-28
            // ... and on 02-29 itself in a leap year
            "02-29, 2028-01-01, 59",
            "02-29, 2028-02-28, 1",
            "02-29, 2028-02-29, 0",
            "02-29, 2028-03-01, 364", // 2029-02-28
            "02-28, 2028-02-29, 365", // 2029-02-28
            "03-01, 2028-02-29, 1",
            // birthday today is 0, yesterday is almost a year away
            "11-20, 2026-11-20, 0",
            "11-19, 2026-11-20, 364",
            "11-21, 2026-11-20, 1",
            // the year wraps
            "01-01, 2026-12-31, 1",
            "01-01, 2027-12-31, 1",
            "12-31, 2027-01-01, 364",
            "12-31, 2028-01-01, 365", // leap year 2028
            "12-31, 2026-12-31, 0",
    })
    void daysUntilBirthday(String birthday, LocalDate today, int expected) {
        assertThat(CustomerFacts.daysUntilBirthday(MonthDay.parse("--" + birthday), today)).isEqualTo(expected);
    }

    @Test
    void birthday02_29IsTodayOn02_28OfACommonYearInTheCustomersZone() {
        // 2027-02-28T20:00Z is already 2027-03-01 in Shanghai: the 02-28 stand-in has just passed.
        Customer shanghai = CustomerFacts.customer(request(Instant.parse("2027-02-28T20:00:00Z"), SHANGHAI, null, null,
                MonthDay.of(2, 29)));
        assertThat(shanghai.getToday()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(shanghai.getBirthdayInDays()).isEqualTo(365);

        Customer newYork = CustomerFacts.customer(request(Instant.parse("2027-02-28T20:00:00Z"), NEW_YORK, null, null,
                MonthDay.of(2, 29)));
        assertThat(newYork.getToday()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(newYork.getBirthdayInDays()).isZero();
    }

    @Test
    void recencyIntentAndBirthdayCountFromTheShanghaiDateWhenItIsAheadOfUtc() {
        // 17:30 UTC on 2026-11-20 is 01:30 on 2026-11-21 in Shanghai.
        Instant asOf = Instant.parse("2026-11-20T17:30:00Z");
        Customer customer = CustomerFacts.customer(request(asOf, SHANGHAI, LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 7), MonthDay.of(11, 21)));

        assertThat(customer.getToday()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(customer.getRecencyDays()).isEqualTo(1);   // 0 if counted in UTC
        assertThat(customer.getIntentDays()).isEqualTo(14);   // 13 if counted in UTC
        assertThat(customer.getBirthdayInDays()).isZero();    // 1 if counted in UTC
    }

    @Test
    void recencyCountsFromTheNewYorkDateWhenItIsBehindUtc() {
        // 03:00 UTC on 2026-11-21 is still 22:00 on 2026-11-20 in New York.
        Instant asOf = Instant.parse("2026-11-21T03:00:00Z");
        Customer customer = CustomerFacts.customer(request(asOf, NEW_YORK, LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 5), MonthDay.of(11, 21)));

        assertThat(customer.getToday()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(customer.getRecencyDays()).isZero();
        assertThat(customer.getIntentDays()).isEqualTo(15);
        assertThat(customer.getBirthdayInDays()).isEqualTo(1);
    }

    @Test
    void recencyAcrossALeapDay() {
        Customer customer = CustomerFacts.customer(request(Instant.parse("2028-03-01T04:00:00Z"), SHANGHAI,
                LocalDate.of(2028, 2, 28), LocalDate.of(2027, 3, 1), null));
        assertThat(customer.getRecencyDays()).isEqualTo(2);
        assertThat(customer.getIntentDays()).isEqualTo(366);
    }

    @Test
    void unknownDatesGiveNullDayCounts() {
        Customer customer = CustomerFacts.customer(request(Instant.parse("2026-11-20T04:00:00Z"), SHANGHAI, null, null, null));
        assertThat(customer.getRecencyDays()).isNull();
        assertThat(customer.getIntentDays()).isNull();
        assertThat(customer.getBirthdayInDays()).isNull();
    }

    @Test
    void historyKeepsEveryContactAndSeesWhetherTheCurrentCampaignWasSent() {
        Instant asOf = Instant.parse("2026-11-20T04:00:00Z");
        List<DecisionRequest.Contact> contacts = List.of(
                new DecisionRequest.Contact(asOf.minusSeconds(60), CampaignType.RECALL, "cmp-7"),
                new DecisionRequest.Contact(asOf.minusSeconds(120), CampaignType.PROMOTION, null));
        var sent = CustomerFacts.history(historyRequest(asOf, "cmp-7", contacts));
        var notSent = CustomerFacts.history(historyRequest(asOf, "cmp-8", contacts));
        assertThat(sent.capBreach("ALL", 2, 1, null)).as("both contacts counted")
                .singleElement().extracting(dev.coupondecision.decision.facts.Suppression::getCount).isEqualTo(2);
        assertThat(sent.isCurrentCampaignAlreadySent()).isTrue();
        assertThat(sent.getCurrentCampaignId()).isEqualTo("cmp-7");
        assertThat(notSent.isCurrentCampaignAlreadySent()).isFalse();
        assertThat(CustomerFacts.history(historyRequest(asOf, null, contacts)).isCurrentCampaignAlreadySent()).isFalse();
    }

    private static DecisionRequest historyRequest(Instant asOf, String campaignId, List<DecisionRequest.Contact> contacts) {
        return new DecisionRequest("c-1", asOf, SHANGHAI, true, false, 0, 0, BigDecimal.ZERO, null, null, null, null,
                new DecisionRequest.Campaign(campaignId, CampaignType.PROMOTION, false), contacts);
    }

    private static DecisionRequest request(Instant asOf, ZoneId zone, LocalDate lastPurchase, LocalDate lastCart,
                                           MonthDay birthday) {
        int orders = lastPurchase == null ? 0 : 1;
        return new DecisionRequest("c-1", asOf, zone, true, false, orders, 0, BigDecimal.ZERO, lastPurchase, lastCart,
                null, birthday, DecisionRequest.Campaign.DEFAULT, List.of());
    }
}
