package dev.coupondecision.decision;

import dev.coupondecision.decision.facts.TimeWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The earliest send-window occurrence ending after an instant, in the customer's zone and its DST rules.
 * Expected values are written as local times with the offset in force then, and checked both as instants and
 * as the API prints them ({@link DecisionService#at}).
 */
class SendWindowPlannerTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<TimeWindow> WEEKDAY = TimeWindow.parseList("11:30-13:00, 17:00-19:00");
    private static final List<TimeWindow> WEEKEND = TimeWindow.parseList("10:00-12:00");
    private static final List<TimeWindow> HIGH_VALUE_WEEKDAY = TimeWindow.parseList("20:00-21:30");

    // ---- America/New_York: spring forward on Sunday 2026-03-08 02:00 EST -> 03:00 EDT

    @Test
    void newYorkSpringForwardDayWindowIsInDaylightTime() {
        // Asked at 01:30 EST, before the clocks jump; the Sunday window opens at 10:00 EDT.
        var next = next(WEEKDAY, WEEKEND, "2026-03-08T01:30:00-05:00", NEW_YORK);
        assertOccurrence(next, NEW_YORK, "2026-03-08T10:00:00-04:00", "2026-03-08T12:00:00-04:00");
        assertThat(next.start()).isEqualTo(Instant.parse("2026-03-08T14:00:00Z"));
    }

    @Test
    void newYorkWindowDayBeforeSpringForwardIsStillInStandardTime() {
        // Saturday 2026-03-07, asked Friday evening after the last window.
        var next = next(WEEKDAY, WEEKEND, "2026-03-06T19:00:00-05:00", NEW_YORK);
        assertOccurrence(next, NEW_YORK, "2026-03-07T10:00:00-05:00", "2026-03-07T12:00:00-05:00");
    }

    @Test
    void newYorkMondayAfterSpringForwardFromSundayAfterItsWindow() {
        var next = next(WEEKDAY, WEEKEND, "2026-03-08T12:00:00-04:00", NEW_YORK);
        assertOccurrence(next, NEW_YORK, "2026-03-09T11:30:00-04:00", "2026-03-09T13:00:00-04:00");
    }

    @Test
    void aWindowStartInTheSpringForwardGapMovesForwardByTheGap() {
        // 02:30 does not exist on 2026-03-08 in New York: the window starts at 03:30 EDT instead.
        var next = next(WEEKDAY, TimeWindow.parseList("02:30-04:00"), "2026-03-07T23:00:00-05:00", NEW_YORK);
        assertOccurrence(next, NEW_YORK, "2026-03-08T03:30:00-04:00", "2026-03-08T04:00:00-04:00");
    }

    // ---- America/New_York: fall back on Sunday 2026-11-01 02:00 EDT -> 01:00 EST

    @Test
    void newYorkFallBackDayWindowIsInStandardTime() {
        // First 01:30 (EDT) and second 01:30 (EST) both lead to the 10:00 EST window.
        assertOccurrence(next(WEEKDAY, WEEKEND, "2026-11-01T01:30:00-04:00", NEW_YORK), NEW_YORK,
                "2026-11-01T10:00:00-05:00", "2026-11-01T12:00:00-05:00");
        var next = next(WEEKDAY, WEEKEND, "2026-11-01T01:30:00-05:00", NEW_YORK);
        assertOccurrence(next, NEW_YORK, "2026-11-01T10:00:00-05:00", "2026-11-01T12:00:00-05:00");
        assertThat(next.start()).isEqualTo(Instant.parse("2026-11-01T15:00:00Z"));
    }

    @Test
    void newYorkSaturdayWindowEndBeforeFallBackLeadsToSundayInStandardTime() {
        var next = next(WEEKDAY, WEEKEND, "2026-10-31T12:00:00-04:00", NEW_YORK);
        assertOccurrence(next, NEW_YORK, "2026-11-01T10:00:00-05:00", "2026-11-01T12:00:00-05:00");
    }

    // ---- Europe/Berlin: spring forward on Sunday 2026-03-29, fall back on Sunday 2026-10-25

    @Test
    void berlinAsOfExactlyAtSaturdayWindowEndMovesToSpringForwardSunday() {
        // The end is exclusive: at 12:00 sharp Saturday's window is over.
        var next = next(WEEKDAY, WEEKEND, "2026-03-28T12:00:00+01:00", BERLIN);
        assertOccurrence(next, BERLIN, "2026-03-29T10:00:00+02:00", "2026-03-29T12:00:00+02:00");
        assertThat(next.start()).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
    }

    @Test
    void berlinWeekdayAfterSpringForward() {
        var next = next(WEEKDAY, WEEKEND, "2026-03-29T12:00:00+02:00", BERLIN);
        assertOccurrence(next, BERLIN, "2026-03-30T11:30:00+02:00", "2026-03-30T13:00:00+02:00");
    }

    @Test
    void berlinFallBackDayWindowIsInStandardTime() {
        var next = next(WEEKDAY, WEEKEND, "2026-10-25T00:00:00+02:00", BERLIN);
        assertOccurrence(next, BERLIN, "2026-10-25T10:00:00+01:00", "2026-10-25T12:00:00+01:00");
        assertThat(next.start()).isEqualTo(Instant.parse("2026-10-25T09:00:00Z"));
    }

    @Test
    void berlinInsideTheFallBackDayWindowStartsAtTheInstantAsked() {
        var next = next(WEEKDAY, WEEKEND, "2026-10-25T10:15:30+01:00", BERLIN);
        assertOccurrence(next, BERLIN, "2026-10-25T10:15:30+01:00", "2026-10-25T12:00:00+01:00");
    }

    // ---- window edges and day types

    @Test
    void asOfExactlyAtAWindowEndTakesTheNextWindow() {
        // Monday 2026-11-23 in Shanghai: lunch window ends at 13:00, after-work window opens at 17:00.
        assertOccurrence(next(WEEKDAY, WEEKEND, "2026-11-23T13:00:00+08:00", SHANGHAI), SHANGHAI,
                "2026-11-23T17:00:00+08:00", "2026-11-23T19:00:00+08:00");
        assertOccurrence(next(WEEKDAY, WEEKEND, "2026-11-23T12:59:59+08:00", SHANGHAI), SHANGHAI,
                "2026-11-23T12:59:59+08:00", "2026-11-23T13:00:00+08:00");
    }

    @Test
    void asOfExactlyAtAWindowStartStartsThere() {
        assertOccurrence(next(WEEKDAY, WEEKEND, "2026-11-23T11:30:00+08:00", SHANGHAI), SHANGHAI,
                "2026-11-23T11:30:00+08:00", "2026-11-23T13:00:00+08:00");
    }

    @Test
    void fridayAfterTheLastWindowMovesToSaturdayMorning() {
        // Friday 2026-11-20.
        assertOccurrence(next(WEEKDAY, WEEKEND, "2026-11-20T19:00:00+08:00", SHANGHAI), SHANGHAI,
                "2026-11-21T10:00:00+08:00", "2026-11-21T12:00:00+08:00");
        assertOccurrence(next(HIGH_VALUE_WEEKDAY, WEEKEND, "2026-11-20T21:30:00+08:00", SHANGHAI), SHANGHAI,
                "2026-11-21T10:00:00+08:00", "2026-11-21T12:00:00+08:00");
        assertOccurrence(next(WEEKDAY, WEEKEND, "2026-11-20T23:59:59+08:00", SHANGHAI), SHANGHAI,
                "2026-11-21T10:00:00+08:00", "2026-11-21T12:00:00+08:00");
    }

    @Test
    void sundayAfterItsWindowMovesToMonday() {
        assertOccurrence(next(HIGH_VALUE_WEEKDAY, WEEKEND, "2026-11-22T12:00:00+08:00", SHANGHAI), SHANGHAI,
                "2026-11-23T20:00:00+08:00", "2026-11-23T21:30:00+08:00");
    }

    @Test
    void withoutWeekendWindowsFridayEveningMovesToMonday() {
        assertOccurrence(next(WEEKDAY, null, "2026-11-20T19:00:00+08:00", SHANGHAI), SHANGHAI,
                "2026-11-23T11:30:00+08:00", "2026-11-23T13:00:00+08:00");
    }

    @Test
    void noWindowsMeansNoOccurrence() {
        assertThat(next(null, null, "2026-11-20T12:00:00+08:00", SHANGHAI)).isNull();
        assertThat(next(List.of(), List.of(), "2026-11-20T12:00:00+08:00", SHANGHAI)).isNull();
    }

    private static SendWindowPlanner.Occurrence next(List<TimeWindow> weekday, List<TimeWindow> weekend, String after,
                                                     ZoneId zone) {
        return SendWindowPlanner.next(weekday, weekend, OffsetDateTime.parse(after).toInstant(), zone);
    }

    private static void assertOccurrence(SendWindowPlanner.Occurrence occurrence, ZoneId zone, String start, String end) {
        assertThat(occurrence).isNotNull();
        assertThat(occurrence.start()).as("start instant").isEqualTo(OffsetDateTime.parse(start).toInstant());
        assertThat(occurrence.end()).as("end instant").isEqualTo(OffsetDateTime.parse(end).toInstant());
        assertThat(Decider.at(occurrence.start(), zone)).as("start as printed").isEqualTo(start);
        assertThat(Decider.at(occurrence.end(), zone)).as("end as printed").isEqualTo(end);
        ZoneOffset startOffset = OffsetDateTime.parse(start).getOffset();
        assertThat(zone.getRules().getOffset(occurrence.start())).as("offset at start").isEqualTo(startOffset);
    }
}
