package dev.coupondecision.decision;

import dev.coupondecision.decision.facts.ContactHistory;
import dev.coupondecision.decision.facts.Customer;
import dev.coupondecision.decision.request.DecisionRequest;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;

/** Derives the facts the rules test from a validated request, all in the customer's own time zone. */
public final class CustomerFacts {

    private CustomerFacts() {
    }

    public static Customer customer(DecisionRequest request) {
        LocalDate today = request.asOf().atZone(request.timezone()).toLocalDate();
        return new Customer(request.customerId(), today, request.smsConsent(), request.unsubscribed(),
                request.orderCount(), request.ordersLast90Days(), request.spendLast365Days(),
                daysSince(request.lastPurchaseDate(), today), daysSince(request.lastCartActivityDate(), today),
                request.birthday() == null ? null : daysUntilBirthday(request.birthday(), today),
                request.favoriteCategory(), request.campaign().id(), request.campaign().type(),
                request.campaign().bigSale());
    }

    public static ContactHistory history(DecisionRequest request) {
        return new ContactHistory(request.asOf(), request.campaign().id(), request.contactHistory().stream()
                .map(c -> new ContactHistory.Contact(c.sentAt(), c.campaignType(), c.campaignId()))
                .toList());
    }

    private static Integer daysSince(LocalDate date, LocalDate today) {
        return date == null ? null : (int) ChronoUnit.DAYS.between(date, today);
    }

    /** Days until the next occurrence of the birthday, 0 when it is today; 02-29 falls on 02-28 in other years. */
    static int daysUntilBirthday(MonthDay birthday, LocalDate today) {
        LocalDate next = birthday.atYear(today.getYear());
        if (next.isBefore(today)) {
            next = birthday.atYear(today.getYear() + 1);
        }
        return (int) ChronoUnit.DAYS.between(today, next);
    }
}
