package dev.coupondecision.decision.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.reference.RandomProfiles;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the decision log keeps of a request must decide the same again: parsing the written request gives the request
 * that was decided, for thousands of random profiles (DST zones, leap days, birthdays, long histories, absent fields).
 */
class RequestJsonTest {
    private static final ObjectMapper JSON = dev.coupondecision.config.JsonConfig.configure(new ObjectMapper());
    // a clock that would give a different asOf: the written request must carry its own
    private final RequestParser parser = new RequestParser(Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.UTC),
            ZoneId.of("Asia/Shanghai"));

    @Test
    void aWrittenRequestParsesBackToTheSameRequest() throws Exception {
        Random random = new Random(20261202);
        for (int i = 0; i < 3000; i++) {
            ObjectNode profile = RandomProfiles.next(random).json();
            DecisionRequest request;
            try {
                request = parser.parse(profile);
            } catch (InvalidRequestException e) {
                continue; // the generator also makes invalid profiles on purpose
            }
            DecisionRequest again = parser.parse(JSON.readTree(RequestJson.write(request)));
            assertThat(again).as("profile %s", profile).isEqualTo(request);
        }
    }

    @Test
    void theStreamingWriterWritesWhatTheTreeBasedOneWrote() {
        Random random = new Random(20261204);
        int compared = 0;
        for (int i = 0; i < 3000; i++) {
            DecisionRequest request;
            try {
                request = parser.parse(RandomProfiles.next(random).json());
            } catch (InvalidRequestException e) {
                continue;
            }
            assertThat(RequestJson.write(request)).isEqualTo(treeWritten(request));
            compared++;
        }
        assertThat(compared).isGreaterThan(2000);
    }

    /** The writer as it was before the streaming one (Jackson's tree model and the JDK's formatters): the reference. */
    private static String treeWritten(DecisionRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("customerId", request.customerId());
        root.put("asOf", request.asOf().atZone(request.timezone()).toOffsetDateTime().toString());
        root.put("timezone", request.timezone().getId());
        root.put("smsConsent", request.smsConsent());
        root.put("unsubscribed", request.unsubscribed());
        root.put("orderCount", request.orderCount());
        root.put("ordersLast90Days", request.ordersLast90Days());
        root.put("spendLast365Days", request.spendLast365Days());
        if (request.lastPurchaseDate() != null) {
            root.put("lastPurchaseDate", request.lastPurchaseDate().toString());
        }
        if (request.lastCartActivityDate() != null) {
            root.put("lastCartActivityDate", request.lastCartActivityDate().toString());
        }
        if (request.favoriteCategory() != null) {
            root.put("favoriteCategory", request.favoriteCategory());
        }
        if (request.birthday() != null) {
            root.put("birthday", DateTimeFormatter.ofPattern("MM-dd").format(request.birthday()));
        }
        ObjectNode campaign = root.putObject("campaign");
        if (request.campaign().id() != null) {
            campaign.put("id", request.campaign().id());
        }
        campaign.put("type", request.campaign().type().name());
        campaign.put("bigSale", request.campaign().bigSale());
        if (request.contactHistorySource() != ContactHistorySource.NONE) {
            ArrayNode history = root.putArray("contactHistory");
            for (DecisionRequest.Contact contact : request.contactHistory()) {
                ObjectNode entry = history.addObject();
                entry.put("sentAt", contact.sentAt().atZone(request.timezone()).toOffsetDateTime().toString());
                entry.put("campaignType", contact.campaignType().name());
                if (contact.campaignId() != null) {
                    entry.put("campaignId", contact.campaignId());
                }
            }
        }
        return root.toString();
    }

    @Test
    void aRequestWithoutContactHistoryIsWrittenWithTheRecordedSendsItWasDecidedOn() throws Exception {
        DecisionRequest request = parser.parse(JSON.readTree("""
                {"customerId": "c-1", "asOf": "2026-11-18T12:00:00+08:00", "smsConsent": true, "orderCount": 0}"""));
        assertThat(request.needsRecordedHistory()).isTrue();
        assertThat(JSON.readTree(RequestJson.write(request)).has("contactHistory")).isFalse();

        DecisionRequest recorded = request.withRecordedHistory(java.util.List.of(new DecisionRequest.Contact(
                Instant.parse("2026-11-17T12:00:00Z"), dev.coupondecision.decision.facts.CampaignType.RECALL, "r-1")));
        DecisionRequest replayed = parser.parse(JSON.readTree(RequestJson.write(recorded)));
        assertThat(replayed.contactHistory()).isEqualTo(recorded.contactHistory());
        assertThat(replayed.contactHistorySource()).isEqualTo(ContactHistorySource.REQUEST);
    }
}
