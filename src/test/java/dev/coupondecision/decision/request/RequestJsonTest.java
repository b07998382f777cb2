package dev.coupondecision.decision.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.reference.RandomProfiles;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
