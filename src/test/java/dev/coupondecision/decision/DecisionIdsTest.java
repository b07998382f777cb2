package dev.coupondecision.decision;

import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.RequestParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision ids are stored in the decision log and given to CRMs for retries, so the same request and version must
 * keep their id across releases: pinned here for requests with and without a contact history (sorted by time, type
 * and campaign, instants at nanosecond precision).
 */
class DecisionIdsTest {
    @Test
    void theIdOfARequestDoesNotChangeAcrossReleases() throws Exception {
        assertThat(DecisionIds.of(request("""
                {"customerId": "c-1", "asOf": "2026-11-20T12:00:00+08:00", "smsConsent": true, "orderCount": 3,
                 "ordersLast90Days": 1, "spendLast365Days": 1999.50, "lastPurchaseDate": "2026-10-01"}"""), "e7e511a30ef9"))
                .isEqualTo("b43f4347-9aa3-8482-9ed5-63cd55c68753");
        assertThat(DecisionIds.of(request("""
                {"customerId": "c-2", "asOf": "2026-11-20T12:00:00.5+08:00", "timezone": "Europe/Berlin", "smsConsent": true,
                 "orderCount": 3, "ordersLast90Days": 1, "spendLast365Days": 20, "lastPurchaseDate": "2026-10-01",
                 "birthday": "02-29", "favoriteCategory": "books",
                 "campaign": {"id": "double12", "type": "RECALL", "bigSale": true},
                 "contactHistory": [
                   {"sentAt": "2026-11-19T10:00:00.123456+01:00", "campaignType": "PROMOTION", "campaignId": "b"},
                   {"sentAt": "2026-11-19T09:00:00.123456+00:00", "campaignType": "PROMOTION", "campaignId": "a"},
                   {"sentAt": "2026-11-18T23:59:59.000000001Z", "campaignType": "RECALL"},
                   {"sentAt": "2026-11-18T23:59:59.000000001Z", "campaignType": "PROMOTION"},
                   {"sentAt": "1999-12-31T23:59:59.120Z", "campaignType": "PROMOTION", "campaignId": "y2k"}]}"""),
                "e7e511a30ef9"))
                .isEqualTo("44e7b093-9561-82ca-9b11-d279f215f5b1");
    }

    @Test
    void instantsAreWrittenAsInstantToStringWritesThem() {
        Random random = new Random(20261202);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(Instant.parse("0900-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond());
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(DecisionIds.iso(instant)).isEqualTo(instant.toString());
        }
    }

    private static DecisionRequest request(String json) throws Exception {
        return new RequestParser(Clock.fixed(Instant.parse("2026-11-20T04:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"))
                .parse(new ObjectMapper().readTree(json));
    }
}
