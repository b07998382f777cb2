package dev.coupondecision.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Two costs of request validation that the profiles show on every request (src/main's JsonFields), next to the
 * cheaper equivalent, to size the fix: the time-zone check copies the JDK's ~600 zone ids into a new HashSet per
 * call (ZoneId.getAvailableZoneIds() returns a fresh copy); and each contact's sentAt is parsed with
 * OffsetDateTime.parse.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ParsingBenchmark {
    private static final Set<String> ZONE_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());
    private final String zone = "Europe/Berlin";
    private final String instant = "2027-03-28T01:59:59+01:00";

    /** What JsonFields.zone does today. */
    @Benchmark
    public ZoneId zoneCheckAsToday() {
        return ZoneId.getAvailableZoneIds().contains(zone) ? ZoneId.of(zone) : null;
    }

    /** The same check against a set built once. */
    @Benchmark
    public ZoneId zoneCheckCachedSet() {
        return ZONE_IDS.contains(zone) ? ZoneId.of(zone) : null;
    }

    /** What JsonFields.instant does for asOf and every contact's sentAt. */
    @Benchmark
    public OffsetDateTime instantParse() {
        return OffsetDateTime.parse(instant);
    }
}
