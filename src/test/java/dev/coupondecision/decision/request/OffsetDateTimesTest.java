package dev.coupondecision.decision.request;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link OffsetDateTimes#parse} against the JDK's {@link OffsetDateTime#parse} as the reference: the same value, or
 * a refusal for both, on edge values and on random strings made mostly of the fast path's form with one part
 * mutated.
 */
class OffsetDateTimesTest {

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
