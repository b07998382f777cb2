package dev.coupondecision.decision.request;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link OffsetDateTimes#parse} against the JDK's {@link OffsetDateTime#parse} as the reference: the same value, or
 * a refusal for both, on edge values and on random strings made mostly of the fast path's form with one part
 * mutated; {@link OffsetDateTimes#format} against {@code OffsetDateTime.ofInstant(...).toString()} and
 * {@link OffsetDateTimes#formatToSecond} against the JDK's formatter for the answer's pattern, in every zone.
 */
class OffsetDateTimesTest {
    /** Written out here rather than taken from the class under test. */
    private static final DateTimeFormatter ANSWER_FORM = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-20T12:00:00+08:00", "2026-11-20T12:00:00Z", "2026-11-20T12:00:00.5+08:00",
            "2026-11-20T12:00:00.123456789-03:30", "2026-11-20T12:00:00.1234567891+08:00", "2026-11-20T12:00:00.+08:00",
            "2024-02-29T00:00:00+14:00", "2025-02-29T00:00:00+01:00", "2026-02-30T10:00:00Z", "2026-04-31T10:00:00Z",
            "2026-03-29T02:30:00+01:00", "2026-11-20T24:00:00Z", "2026-11-20T23:59:60Z", "2026-11-20T23:60:00Z",
            "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-11-00T00:00:00Z",
            "2026-11-20T12:00:00+18:00", "2026-11-20T12:00:00-18:00", "2026-11-20T12:00:00+18:01",
            "2026-11-20T12:00:00+05:60", "2026-11-20T12:00:00-00:00", "2026-11-20T12:00:00+0800",
            "2026-11-20T12:00:00+08", "2026-11-20T12:00:00+08:00:30", "2026-11-20T12:00+08:00",
            "2026-11-20t12:00:00z", "2026-11-20 12:00:00+08:00", "2026-11-20T12:00:00", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999-18:00", "+12026-11-20T12:00:00Z", "2026-1-20T12:00:00Z",
            "２０２６-11-20T12:00:00Z", "2026-11-20T12:00:00+08:00 ", " 2026-11-20T12:00:00Z", "", "2026-11-20",
            "2026-11-20T12:00:00+08:00[Asia/Shanghai]", "2026-11-20T1a:00:00Z", "2026-11-20T12:00:00+0a:00"})
    void agreesWithTheJdkOnEdgeValues(String text) {
        assertSameAsJdk(text);
    }

    @Test
    void agreesWithTheJdkOnRandomValues() {
        Random random = new Random(20261202);
        for (int i = 0; i < 200_000; i++) {
            assertSameAsJdk(mutated(random));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-20T04:00:00Z|Asia/Shanghai", "2026-11-20T04:00:00.5Z|Asia/Shanghai",
            "2026-11-20T04:00:07Z|UTC", "2026-11-20T04:00:00.000001Z|America/New_York",
            "2026-11-20T04:00:00.000000001Z|Asia/Kolkata", "2026-11-20T04:00:00.120Z|Asia/Kathmandu",
            "2026-03-08T06:59:59Z|America/New_York", "2026-03-08T07:00:00Z|America/New_York",
            "2026-11-01T05:30:00Z|America/New_York", "2026-11-01T06:30:00Z|America/New_York",
            "2026-10-25T00:59:59.999Z|Europe/Berlin", "2026-10-25T01:00:00Z|Europe/Berlin",
            "2024-02-29T23:59:59Z|Pacific/Kiritimati", "2024-02-29T10:00:00Z|Pacific/Pago_Pago",
            "1900-01-01T00:00:00Z|Europe/Amsterdam", "1000-01-01T00:00:00Z|Asia/Shanghai",
            "0999-12-31T23:59:59Z|Asia/Shanghai", "9999-12-31T12:00:00Z|Pacific/Kiritimati",
            "-0001-06-01T00:00:00Z|UTC", "+10000-01-01T00:00:00Z|UTC", "1970-01-01T00:00:00Z|Z",
            "2026-11-20T04:00:00Z|+05:30:15", "2026-06-01T12:00:00Z|Australia/Lord_Howe"})
    void formatsAsTheJdkOnEdgeValues(String instantAndZone) {
        String[] parts = instantAndZone.split("\\|");
        assertFormattedAsJdk(Instant.parse(parts[0]), ZoneId.of(parts[1]));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-20T04:00:00Z|Asia/Shanghai", "2026-11-20T04:00:00.999999999Z|Asia/Shanghai",
            "2026-11-20T04:00:07Z|UTC", "2026-11-20T04:00:00Z|Z", "2026-11-20T04:00:00Z|Asia/Kolkata",
            "2026-11-20T04:00:00Z|America/St_Johns", "2026-11-20T04:00:00Z|Asia/Kathmandu",
            "2026-03-08T06:59:59.999Z|America/New_York", "2026-03-08T07:00:00Z|America/New_York",
            "2026-11-01T05:59:59.5Z|America/New_York", "2026-11-01T06:00:00Z|America/New_York",
            "2026-10-25T00:59:59.999Z|Europe/Berlin", "2026-10-25T01:00:00Z|Europe/Berlin",
            "2024-02-29T23:59:59Z|Pacific/Kiritimati", "2024-02-29T10:00:00Z|Pacific/Pago_Pago",
            "1950-06-01T00:00:00Z|Africa/Monrovia", "1900-01-01T00:00:00Z|Europe/Amsterdam",
            "1000-01-01T00:00:00Z|Asia/Shanghai", "0999-12-31T23:59:59Z|Asia/Shanghai",
            "9999-12-31T12:00:00Z|Pacific/Kiritimati", "+10000-01-01T00:00:00Z|UTC", "-0001-06-01T00:00:00Z|UTC",
            "2026-11-20T04:00:00Z|+05:30:15", "2026-11-20T04:00:00Z|-00:44:30", "2026-11-20T04:00:00Z|+00:00:30",
            "2026-11-20T04:00:00Z|-00:00:59", "2026-11-20T04:00:00Z|+00:01:01", "2026-11-20T04:00:00Z|-18:00",
            "2026-06-01T12:00:00Z|Australia/Lord_Howe", "1969-12-31T23:59:59.5Z|America/Sao_Paulo"})
    void formatsToTheSecondAsTheJdkOnEdgeValues(String instantAndZone) {
        String[] parts = instantAndZone.split("\\|");
        assertFormattedToSecondAsJdk(Instant.parse(parts[0]), ZoneId.of(parts[1]));
    }

    @Test
    void formatsToTheSecondAsTheJdkOnRandomValues() {
        Random random = new Random(20261204);
        List<ZoneId> zones = ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList();
        for (int i = 0; i < 200_000; i++) {
            long seconds = Instant.parse("0900-01-01T00:00:00Z").getEpochSecond()
                    + (long) (random.nextDouble() * 9_300L * 365 * 86_400);
            int nanos = random.nextBoolean() ? 0 : random.nextInt(1_000_000_000);
            assertFormattedToSecondAsJdk(Instant.ofEpochSecond(seconds, nanos), zones.get(random.nextInt(zones.size())));
        }
    }

    private static void assertFormattedToSecondAsJdk(Instant instant, ZoneId zone) {
        assertThat(OffsetDateTimes.formatToSecond(instant, zone)).as("%s in %s", instant, zone)
                .isEqualTo(ANSWER_FORM.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone)));
    }

    @Test
    void formatsAsTheJdkOnRandomValues() {
        Random random = new Random(20261203);
        List<ZoneId> zones = ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList();
        for (int i = 0; i < 200_000; i++) {
            long seconds = Instant.parse("0900-01-01T00:00:00Z").getEpochSecond()
                    + (long) (random.nextDouble() * 9_300L * 365 * 86_400);
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            if (random.nextInt(3) == 0) {
                seconds -= Math.floorMod(seconds, 60); // whole minutes: the JDK leaves the seconds out
            }
            assertFormattedAsJdk(Instant.ofEpochSecond(seconds, nanos), zones.get(random.nextInt(zones.size())));
        }
    }

    private static void assertFormattedAsJdk(Instant instant, ZoneId zone) {
        assertThat(OffsetDateTimes.format(instant, zone)).as("%s in %s", instant, zone)
                .isEqualTo(OffsetDateTime.ofInstant(instant, zone).toString());
    }

    private static String mutated(Random random) {
        String fraction = switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> ".";
            default -> "." + String.valueOf(random.nextLong() & Long.MAX_VALUE).substring(0, 1 + random.nextInt(10));
        };
        String offset = switch (random.nextInt(4)) {
            case 0 -> "Z";
            case 1 -> "z";
            default -> (random.nextBoolean() ? "+" : "-") + two(random.nextInt(20)) + ":" + two(random.nextInt(62));
        };
        String text = "%04d-%s-%sT%s:%s:%s%s%s".formatted(random.nextInt(10_000), two(random.nextInt(14)),
                two(random.nextInt(33)), two(random.nextInt(26)), two(random.nextInt(62)), two(random.nextInt(62)),
                fraction, offset);
        if (random.nextInt(5) == 0) { // one character replaced or dropped
            int at = random.nextInt(text.length());
            String replacement = random.nextBoolean() ? "" : String.valueOf("0123456789T:-+.Zx ".charAt(random.nextInt(18)));
            text = text.substring(0, at) + replacement + text.substring(at + 1);
        }
        return text;
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    private static void assertSameAsJdk(String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            String refused = text;
            assertThatThrownBy(() -> OffsetDateTimes.parse(refused))
                    .as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        OffsetDateTime actual = OffsetDateTimes.parse(text);
        assertThat(actual).as(text).isEqualTo(expected);
        assertThat(actual.getOffset()).as(text).isEqualTo(expected.getOffset());
    }
}
