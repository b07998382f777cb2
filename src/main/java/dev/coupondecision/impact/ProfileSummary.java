package dev.coupondecision.impact;

import dev.coupondecision.decision.request.DecisionRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * One line that says who an example customer of an impact report is, in the terms the tables test: orders, spend,
 * last purchase and cart activity, birthday, favourite category, consent and the campaign.
 */
final class ProfileSummary {

    private ProfileSummary() {
    }

    static String of(DecisionRequest request) {
        List<String> parts = new ArrayList<>();
        parts.add(plural(request.orderCount(), "order") + " (" + request.ordersLast90Days() + " in 90 days)");
        if (request.spendLast365Days() != null) {
            parts.add("spend " + request.spendLast365Days().toPlainString() + " in 365 days");
        }
        if (request.lastPurchaseDate() != null) {
            parts.add("last purchase " + request.lastPurchaseDate());
        }
        if (request.lastCartActivityDate() != null) {
            parts.add("cart activity " + request.lastCartActivityDate());
        }
        if (request.birthday() != null) {
            parts.add("birthday " + request.birthday().toString().substring(2));
        }
        if (request.favoriteCategory() != null) {
            parts.add("favourite " + request.favoriteCategory());
        }
        if (!request.smsConsent()) {
            parts.add("no SMS consent");
        }
        if (request.unsubscribed()) {
            parts.add("unsubscribed");
        }
        if (!request.contactHistory().isEmpty()) {
            parts.add(plural(request.contactHistory().size(), "message") + " in the history");
        }
        DecisionRequest.Campaign campaign = request.campaign();
        parts.add(campaign.type() + " campaign" + (campaign.bigSale() ? " (big sale)" : ""));
        parts.add("as of " + request.asOf().atZone(request.timezone()).toOffsetDateTime());
        return String.join(", ", parts);
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
