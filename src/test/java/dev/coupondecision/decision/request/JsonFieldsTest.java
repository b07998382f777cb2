package dev.coupondecision.decision.request;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The date, instant and zone reads of {@link JsonFields} against the JDK's own parsers as the reference: the same
 * value, or a violation for both, on edge values and on random ones.
 */
class JsonFieldsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20", "2024-02-29", "2025-02-29", "1900-02-29", "2000-02-29", "2026-04-31",
            "2026-13-01", "2026-00-10", "2026-11-00", "2026-12-32", "1900-01-01", "1899-12-31", "2200-12-31",
            "2201-01-01", "0000-01-01", "9999-12-31", "2026-1-20", "+2026-11-20", "2026-11-20 ", "２０２６-11-20",
            "2026/11/20", "20261120", ""})
    void readsDatesAsTheJdkOnEdgeValues(String text) {
        assertDateAsJdk(text);
    }

    @Test
    void readsDatesAsTheJdkOnRandomValues() {
        Random random = new Random(20261203);
        for (int i = 0; i < 100_000; i++) {
            assertDateAsJdk("%04d-%02d-%02d".formatted(1880 + random.nextInt(340), random.nextInt(14), random.nextInt(33)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900-01-01T00:00:00Z", "1900-01-01T00:30:00+01:00", "1899-12-31T23:30:00-01:00",
            "2200-12-31T23:59:59Z", "2200-12-31T23:30:00-01:00", "2201-01-01T00:30:00+01:00",
            "2026-11-20T12:00:00+08:00", "1969-12-31T23:59:59.5Z"})
    void checksTheYearOfInstantsInTheirOffsetAndInUtc(String text) {
        OffsetDateTime parsed = OffsetDateTime.parse(text);
        boolean expected = inRange(parsed.getYear()) && inRange(parsed.toInstant().atOffset(ZoneOffset.UTC).getYear());
        JsonFields fields = fields(text);
        Instant read = fields.instant("value", true);
        assertThat(read).as(text).isEqualTo(expected ? parsed.toInstant() : null);
        assertThat(fields.violations()).as(text).hasSize(expected ? 0 : 1);
    }

    @Test
    void readsEveryZoneOnceAndRefusesOthers() {
        for (String id : ZoneId.getAvailableZoneIds()) {
            assertThat(fields(id).zone("value")).as(id).isEqualTo(ZoneId.of(id)).isSameAs(fields(id).zone("value"));
        }
        for (String id : new String[] {"Mars/Olympus", "asia/shanghai", "+08:00", "GMT+8", "Asia/Shanghai "}) {
            JsonFields fields = fields(id);
            assertThat(fields.zone("value")).as(id).isNull();
            assertThat(fields.violations()).as(id).hasSize(1);
        }
    }

    private static void assertDateAsJdk(String text) {
        LocalDate expected;
        try {
            LocalDate parsed = LocalDate.parse(text);
            expected = inRange(parsed.getYear()) ? parsed : null;
        } catch (DateTimeException e) {
            expected = null;
        }
        JsonFields fields = fields(text);
        assertThat(fields.date("value")).as(text).isEqualTo(expected);
        assertThat(fields.violations()).as(text).hasSize(expected == null ? 1 : 0);
    }

    private static boolean inRange(int year) {
        return year >= JsonFields.MIN_YEAR && year <= JsonFields.MAX_YEAR;
    }

    private static JsonFields fields(String value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("value", value);
        return new JsonFields(node);
    }
}
