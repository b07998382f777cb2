package dev.coupondecision.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.InvalidRequestException;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.problem.Violation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a population from an NDJSON file: one decision request per line, in the same JSON as {@code /decide}.
 * Lines that are not JSON or not a valid request are skipped and counted; blank lines are ignored.
 */
public final class PopulationFile {
    /** How many skipped lines are described in the report; all of them are counted. */
    static final int SKIPPED_EXAMPLES = 10;

    private PopulationFile() {
    }

    public static Population read(Path file, RequestParser parser) {
        List<DecisionRequest> requests = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int skippedLines = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int number = 1; (line = reader.readLine()) != null; number++) {
                if (line.isBlank()) {
                    continue;
                }
                String problem = null;
                try {
                    requests.add(parser.parse(line.getBytes(StandardCharsets.UTF_8)));
                } catch (JsonProcessingException e) {
                    problem = "not JSON: " + e.getOriginalMessage();
                } catch (InvalidRequestException e) {
                    problem = describe(e.violations());
                }
                if (problem != null) {
                    skippedLines++;
                    if (skipped.size() < SKIPPED_EXAMPLES) {
                        skipped.add("line " + number + ": " + problem);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the population file " + file.toAbsolutePath(), e);
        }
        return new Population("file " + file + ": " + requests.size() + " requests", requests, skippedLines, skipped);
    }

    private static String describe(List<Violation> violations) {
        Violation first = violations.get(0);
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return first.field() + " must be " + first.expected() + more;
    }
}
