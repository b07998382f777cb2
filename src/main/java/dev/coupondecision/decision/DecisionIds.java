package dev.coupondecision.decision;

import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.hashing.Sha256;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Decision ids are derived from what was decided: the ruleset version and the request as the service read it
 * (customer, asOf, campaign, profile, contact history). The same request decided by the same version always gets
 * the same id, on any replica, so a CRM can retry safely and a logged decision is never counted twice. A request
 * without asOf is decided at the moment it arrives, and so is its retry: send asOf to make retries identical.
 */
public final class DecisionIds {

    private DecisionIds() {
    }

    public static String of(DecisionRequest request, String rulesetVersion) {
        byte[] hash = Sha256.of(canonical(rulesetVersion, request));
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        long high = (bytes.getLong() & ~0xF000L) | 0x8000L; // version 8: custom, name-based
        long low = (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** Contacts by time, then campaign type name, then campaign id (none first, as an empty id). */
    private static final Comparator<DecisionRequest.Contact> CONTACT_ORDER = (a, b) -> {
        int order = a.sentAt().compareTo(b.sentAt());
        if (order == 0) {
            order = a.campaignType().name().compareTo(b.campaignType().name());
        }
        return order != 0 ? order : Objects.toString(a.campaignId(), "").compareTo(Objects.toString(b.campaignId(), ""));
    };

    /** The version, then the request's fields in a fixed form: numbers without trailing zeros, contacts sorted. */
    private static String canonical(String rulesetVersion, DecisionRequest r) {
        List<DecisionRequest.Contact> contacts = r.contactHistory();
        StringBuilder text = new StringBuilder(256 + 48 * contacts.size());
        text.append(rulesetVersion).append('\n').append(r.customerId()).append('\n');
        iso(text, r.asOf()).append('\n').append(r.timezone().getId())
                .append('\n').append(r.smsConsent()).append('\n').append(r.unsubscribed())
                .append('\n').append(r.orderCount()).append('\n').append(r.ordersLast90Days())
                .append('\n').append(plain(r.spendLast365Days())).append('\n').append(r.lastPurchaseDate())
                .append('\n').append(r.lastCartActivityDate()).append('\n').append(r.favoriteCategory())
                .append('\n').append(r.birthday())
                .append('\n').append(r.campaign().id()).append('|').append(r.campaign().type()).append('|')
                .append(r.campaign().bigSale()).append('\n');
        if (!sorted(contacts)) {
            contacts = new ArrayList<>(contacts);
            contacts.sort(CONTACT_ORDER);
        }
        for (int i = 0; i < contacts.size(); i++) {
            DecisionRequest.Contact c = contacts.get(i);
            iso(i == 0 ? text : text.append(';'), c.sentAt()).append('|').append(c.campaignType()).append('|')
                    .append(c.campaignId());
        }
        return text.toString();
    }

    /** A CRM usually sends its history in order: then there is nothing to copy and sort. */
    private static boolean sorted(List<DecisionRequest.Contact> contacts) {
        for (int i = 1; i < contacts.size(); i++) {
            if (CONTACT_ORDER.compare(contacts.get(i - 1), contacts.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link Instant#toString()} (ISO-8601 in UTC, the fraction in groups of three digits), written directly for the
     * years requests may hold: the JDK's formatter cost a tenth of a request's parsing and answering.
     */
    static String iso(Instant instant) {
        return iso(new StringBuilder(30), instant).toString();
    }

    /** {@link #iso(Instant)}, appended to {@code text}. */
    private static StringBuilder iso(StringBuilder text, Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return text.append(instant);
        }
        text.append(t.getYear()).append('-');
        two(text, t.getMonthValue()).append('-');
        two(text, t.getDayOfMonth()).append('T');
        two(text, t.getHour()).append(':');
        two(text, t.getMinute()).append(':');
        two(text, t.getSecond());
        int nano = instant.getNano();
        if (nano > 0) {
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
            int value = nano / (digits == 3 ? 1_000_000 : digits == 6 ? 1_000 : 1);
            String fraction = Integer.toString(value);
            text.append('.').append("000000000", 0, digits - fraction.length()).append(fraction);
        }
        return text.append('Z');
    }

    private static StringBuilder two(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
