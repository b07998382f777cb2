package dev.coupondecision.decision.facts;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A local-time send window such as 11:30-13:00; the end is exclusive and after the start. */
public record TimeWindow(LocalTime start, LocalTime end) {

    private static final Map<String, List<TimeWindow>> PARSED = new ConcurrentHashMap<>();

    public TimeWindow {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window end " + end + " is not after its start " + start);
        }
    }

    /**
     * Parses a comma-separated list such as {@code "11:30-13:00, 17:00-19:00"}. Table cells hold a
     * handful of distinct values, so results are cached rather than parsed on every decision.
     */
    public static List<TimeWindow> parseList(String spec) {
        return PARSED.computeIfAbsent(spec, TimeWindow::parseUncached);
    }

    private static List<TimeWindow> parseUncached(String spec) {
        List<TimeWindow> windows = new ArrayList<>();
        for (String part : spec.split(",")) {
            windows.add(parse(part.trim()));
        }
        windows.sort((a, b) -> a.start().compareTo(b.start()));
        return List.copyOf(windows);
    }

    public static TimeWindow parse(String text) {
        String[] ends = text.split("-");
        if (ends.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not a window of the form HH:MM-HH:MM");
        }
        try {
            return new TimeWindow(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a window of the form HH:MM-HH:MM", e);
        }
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
