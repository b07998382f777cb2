package dev.coupondecision.decision;

import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.hashing.Sha256;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

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
        byte[] hash = Sha256.of(rulesetVersion + "\n" + canonical(request));
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        long high = (bytes.getLong() & ~0xF000L) | 0x8000L; // version 8: custom, name-based
        long low = (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** The request's fields in a fixed form: numbers without trailing zeros, contacts sorted. */
    private static String canonical(DecisionRequest r) {
        String contacts = r.contactHistory().stream()
                .sorted(Comparator.comparing(DecisionRequest.Contact::sentAt)
                        .thenComparing(c -> c.campaignType().name())
                        .thenComparing(c -> Objects.toString(c.campaignId(), "")))
                .map(c -> c.sentAt() + "|" + c.campaignType() + "|" + c.campaignId())
                .collect(Collectors.joining(";"));
        return String.join("\n", r.customerId(), r.asOf().toString(), r.timezone().getId(),
                String.valueOf(r.smsConsent()), String.valueOf(r.unsubscribed()), String.valueOf(r.orderCount()),
                String.valueOf(r.ordersLast90Days()), plain(r.spendLast365Days()), String.valueOf(r.lastPurchaseDate()),
                String.valueOf(r.lastCartActivityDate()), String.valueOf(r.favoriteCategory()), String.valueOf(r.birthday()),
                r.campaign().id() + "|" + r.campaign().type() + "|" + r.campaign().bigSale(), contacts);
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
