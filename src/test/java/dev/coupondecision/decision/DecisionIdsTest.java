package dev.coupondecision.decision;

import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.InvalidRequestException;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.reference.RandomProfiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

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

    /** The ids of random profiles against the id as first written: JDK formatting, a comparator chain, a fresh digest. */
    @Test
    void idsAreThoseOfTheFirstImplementationOnRandomProfiles() throws Exception {
        Random random = new Random(20261203);
        RequestParser parser = new RequestParser(Clock.fixed(Instant.parse("2026-11-20T04:00:00Z"), ZoneOffset.UTC),
                ZoneId.of("Asia/Shanghai"));
        for (int i = 0; i < 3_000; i++) {
            DecisionRequest request;
            try {
                request = parser.parse(RandomProfiles.next(random).json());
            } catch (InvalidRequestException e) {
                continue;
            }
            if (random.nextBoolean() && request.contactHistory().size() > 1) {
                List<DecisionRequest.Contact> reversed = new ArrayList<>(request.contactHistory());
                Collections.reverse(reversed);
                request = new DecisionRequest(request.customerId(), request.asOf(), request.timezone(),
                        request.smsConsent(), request.unsubscribed(), request.orderCount(), request.ordersLast90Days(),
                        request.spendLast365Days(), request.lastPurchaseDate(), request.lastCartActivityDate(),
                        request.favoriteCategory(), request.birthday(), request.campaign(), reversed,
                        request.contactHistorySource());
            }
            assertThat(DecisionIds.of(request, "v" + i)).isEqualTo(firstImplementation(request, "v" + i));
        }
    }

    private static String firstImplementation(DecisionRequest r, String version) throws Exception {
        List<DecisionRequest.Contact> contacts = new ArrayList<>(r.contactHistory());
        contacts.sort(Comparator.comparing(DecisionRequest.Contact::sentAt)
                .thenComparing(c -> c.campaignType().name())
                .thenComparing(c -> Objects.toString(c.campaignId(), "")));
        StringBuilder text = new StringBuilder();
        text.append(r.customerId()).append('\n').append(r.asOf()).append('\n').append(r.timezone().getId())
                .append('\n').append(r.smsConsent()).append('\n').append(r.unsubscribed())
                .append('\n').append(r.orderCount()).append('\n').append(r.ordersLast90Days())
                .append('\n').append(r.spendLast365Days().signum() == 0 ? "0"
                        : r.spendLast365Days().stripTrailingZeros().toPlainString())
                .append('\n').append(r.lastPurchaseDate()).append('\n').append(r.lastCartActivityDate())
                .append('\n').append(r.favoriteCategory()).append('\n').append(r.birthday())
                .append('\n').append(r.campaign().id()).append('|').append(r.campaign().type()).append('|')
                .append(r.campaign().bigSale()).append('\n');
        for (int i = 0; i < contacts.size(); i++) {
            DecisionRequest.Contact c = contacts.get(i);
            text.append(i == 0 ? "" : ";").append(c.sentAt()).append('|').append(c.campaignType()).append('|')
                    .append(c.campaignId());
        }
        byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest((version + "\n" + text).getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.wrap(hash);
        return new UUID((bytes.getLong() & ~0xF000L) | 0x8000L,
                (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    private static DecisionRequest request(String json) throws Exception {
        return new RequestParser(Clock.fixed(Instant.parse("2026-11-20T04:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"))
                .parse(new ObjectMapper().readTree(json));
    }
}
