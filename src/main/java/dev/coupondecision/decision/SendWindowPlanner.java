package dev.coupondecision.decision;

import dev.coupondecision.decision.facts.DayType;
import dev.coupondecision.decision.facts.TimeWindow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Finds the earliest occurrence of a send window that ends after a given instant, in the customer's zone
 * with its daylight-saving rules: a window's local start and end are placed on each date with the zone's
 * offset of that moment (a local time in a spring-forward gap moves forward by the gap).
 */
public final class SendWindowPlanner {
    /** A week covers every day type; one more day covers a window that already ended today. */
    private static final int DAYS_TO_SEARCH = 8;

    /** An occurrence of a window as instants; {@code start} is not before the instant asked about. */
    public record Occurrence(Instant start, Instant end) {
    }

    private SendWindowPlanner() {
    }

    /** @return the occurrence, or null when no window ends after {@code after} within a week */
    public static Occurrence next(List<TimeWindow> weekday, List<TimeWindow> weekend, Instant after, ZoneId zone) {
        LocalDate date = after.atZone(zone).toLocalDate();
        for (int day = 0; day < DAYS_TO_SEARCH; day++, date = date.plusDays(1)) {
            List<TimeWindow> windows = DayType.of(date.getDayOfWeek()) == DayType.WEEKDAY ? weekday : weekend;
            if (windows == null) {
                continue;
            }
            for (TimeWindow window : windows) {
                Instant start = ZonedDateTime.of(date, window.start(), zone).toInstant();
                Instant end = ZonedDateTime.of(date, window.end(), zone).toInstant();
                if (end.isAfter(start) && end.isAfter(after)) {
                    return new Occurrence(start.isAfter(after) ? start : after, end);
                }
            }
        }
        return null;
    }
}
