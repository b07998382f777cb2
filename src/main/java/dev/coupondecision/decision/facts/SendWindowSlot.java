package dev.coupondecision.decision.facts;

import java.util.List;
import java.util.Objects;

/**
 * The send windows of one day type, filled by the first matching row of the send-window table
 * (rows match only while the slot is still empty).
 */
public final class SendWindowSlot {
    private final DayType dayType;
    private List<TimeWindow> windows;

    public SendWindowSlot(DayType dayType) {
        this.dayType = Objects.requireNonNull(dayType, "dayType");
    }

    public DayType getDayType() {
        return dayType;
    }

    public List<TimeWindow> getWindows() {
        return windows;
    }

    /** Sets the windows from a table cell such as {@code "11:30-13:00, 17:00-19:00"}. */
    public void setWindows(String spec) {
        this.windows = TimeWindow.parseList(spec);
    }
}
