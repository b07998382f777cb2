package dev.coupondecision.impact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PopulationFileTest {
    private static final String VALID = """
            {"customerId": "c-1", "asOf": "2026-11-20T12:00:00+08:00", "smsConsent": true, "orderCount": 0}""";

    @TempDir
    Path dir;

    @Test
    void skipsAndCountsInvalidLines() throws IOException {
        Path file = dir.resolve("population.ndjson");
        Files.writeString(file, String.join("\n",
                VALID,
                "{not json",
                "",
                """
                {"customerId": "c-2", "smsConsent": true, "orderCount": -1}""",
                VALID.replace("c-1", "c-3"),
                "[1, 2]") + "\n");

        Population population = new PopulationSource(Optional.of(file), 10_000, ZoneId.of("Asia/Shanghai")).get();

        assertThat(population.requests()).extracting(r -> r.customerId()).containsExactly("c-1", "c-3");
        assertThat(population.skippedLines()).isEqualTo(3);
        assertThat(population.skipped()).hasSize(3);
        assertThat(population.skipped().get(0)).startsWith("line 2: not JSON");
        assertThat(population.skipped().get(1)).startsWith("line 4: orderCount must be an integer >= 0");
        assertThat(population.skipped().get(2)).startsWith("line 6:");
        assertThat(population.source()).contains("population.ndjson").contains("2 requests");
    }

    @Test
    void requestsWithoutAsOfAreDecidedAtTheFixedInstant() throws IOException {
        Path file = dir.resolve("no-asof.ndjson");
        Files.writeString(file, "{\"customerId\": \"c-9\", \"smsConsent\": true, \"orderCount\": 0}\n");
        Population population = new PopulationSource(Optional.of(file), 10_000, ZoneId.of("Asia/Shanghai")).get();
        assertThat(population.requests().get(0).asOf()).isEqualTo(SyntheticPopulation.AS_OF);
    }

    @Test
    void withoutAFileTheSyntheticPopulationOfTheConfiguredSizeIsUsed() {
        PopulationSource source = new PopulationSource(Optional.empty(), 12_000, ZoneId.of("Asia/Shanghai"));
        assertThat(source.get().requests()).hasSize(12_000);
        assertThat(source.get()).isSameAs(source.get());
    }

    @Test
    void aMissingFileIsAnError() {
        PopulationSource source = new PopulationSource(Optional.of(dir.resolve("absent.ndjson")), 10_000,
                ZoneId.of("Asia/Shanghai"));
        assertThatThrownBy(source::get).isInstanceOf(UncheckedIOException.class).hasMessageContaining("absent.ndjson");
    }
}
