package dev.coupondecision.decision.facts;

import java.time.DayOfWeek;

/** Day types of the send-window table: weekday = Monday to Friday, weekend = Saturday and Sunday. */
public enum DayType {
    WEEKDAY, WEEKEND;

    public static DayType of(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? WEEKEND : WEEKDAY;
    }
}
