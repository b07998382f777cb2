package dev.coupondecision.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.reference.RandomProfiles;
import dev.coupondecision.reference.ReferencePolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The benchmark population: a fixed, seeded mix of valid decision requests from {@link RandomProfiles} (all
 * tiers, coupons, suppressions, zones and cap edges), minus its "history:large" profiles (200-1000 contacts),
 * which stress correctness but are not a realistic mix: contact histories here have 0-{@value #MAX_CONTACTS}
 * entries. Same seed, same profiles, on every machine.
 *
 * <p>{@code main} writes them as NDJSON: {@code BenchProfiles <count> <file>} (bench/profiles.ndjson is 200 of them).
 */
public final class BenchProfiles {
    public static final long SEED = 20_261_120L;
    public static final int MAX_CONTACTS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Requests without asOf would take it from this clock; the generator always sets asOf. */
    public static final RequestParser PARSER = new RequestParser(
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));

    private BenchProfiles() {
    }

    /** {@code count} request bodies as single-line JSON, the same for the same seed. */
    public static List<String> json(int count, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(count);
        while (lines.size() < count) {
            RandomProfiles.Profile profile = RandomProfiles.next(random);
            if (profile.tags().contains("history:large")
                    || (profile.json().has("contactHistory") && profile.json().get("contactHistory").size() > MAX_CONTACTS)) {
                continue;
            }
            lines.add(profile.json().toString());
        }
        return lines;
    }

    /** The same requests parsed and validated by the service's parser. */
    public static List<DecisionRequest> requests(int count, long seed) {
        List<DecisionRequest> requests = new ArrayList<>(count);
        for (String line : json(count, seed)) {
            requests.add(parse(line));
        }
        return requests;
    }

    public static DecisionRequest parse(String line) {
        try {
            return PARSER.parse(JSON.readTree(line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts of tiers and contact-history sizes, to describe the mix. */
    public static Map<String, Integer> describe(List<DecisionRequest> requests) {
        Map<String, Integer> counts = new TreeMap<>();
        for (DecisionRequest request : requests) {
            ReferencePolicy.Result result = ReferencePolicy.decide(request);
            counts.merge("tier:" + result.tier(), 1, Integer::sum);
            counts.merge("eligible:" + result.eligible(), 1, Integer::sum);
            int contacts = request.contactHistory().size();
            String bucket = contacts == 0 ? "0" : contacts <= 3 ? "1-3" : contacts <= 10 ? "4-10" : "11-" + MAX_CONTACTS;
            counts.merge("contacts:" + bucket, 1, Integer::sum);
        }
        return counts;
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path out = Path.of(args.length > 1 ? args[1] : "bench/profiles.ndjson");
        List<String> lines = json(count, SEED);
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
        }
        List<DecisionRequest> parsed = new ArrayList<>();
        for (String line : lines) {
            parsed.add(parse(line));
        }
        System.out.println("wrote " + count + " profiles to " + out + ": " + describe(parsed));
    }
}
