package dev.coupondecision.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.config.JsonConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the expectations of failing scenarios to what a candidate ruleset decides, in place: only the values that
 * differ change, the rest of the file (name, description, request, fields it leaves out) stays as written. A
 * scenario whose request the service refuses, or that expects a field the response does not have, is left alone
 * and reported: those need a person.
 */
public final class ScenarioUpdater {
    private static final ObjectMapper JSON = JsonConfig.configure(new ObjectMapper());
    private static final Pattern STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private ScenarioUpdater() {
    }

    /** @param file the scenario's path relative to {@code scenariosDir}, as the scenario results name it */
    public static ExpectationUpdate update(Path scenariosDir, String file, String name,
                                           List<ScenarioResult.Mismatch> mismatches) {
        Path path = scenariosDir.resolve(file);
        try {
            ObjectNode scenario = (ObjectNode) JSON.readTree(path.toFile());
            List<ExpectationUpdate.Change> changes = new ArrayList<>();
            for (ScenarioResult.Mismatch mismatch : mismatches) {
                if (mismatch.path().equals("request")) {
                    return notUpdated(file, name, "the service refuses its request: " + mismatch.actual());
                }
                if (mismatch.path().isEmpty() || !scenario.get("expect").isObject()) {
                    return notUpdated(file, name, "its \"expect\" is not an object of decision fields");
                }
                if (mismatch.actual() == null) {
                    return notUpdated(file, name, "it expects '" + mismatch.path() + "', which no decision has");
                }
                JsonNode actual = ScenarioJson.plain(mismatch.actual());
                replace(scenario.get("expect"), mismatch.path(), actual);
                changes.add(new ExpectationUpdate.Change(mismatch.path(), mismatch.expected(), actual));
            }
            Files.writeString(path, ScenarioJson.write(scenario), StandardCharsets.UTF_8);
            return new ExpectationUpdate(file, name, changes, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update scenario " + path, e);
        }
    }

    private static ExpectationUpdate notUpdated(String file, String name, String why) {
        return new ExpectationUpdate(file, name, List.of(), why);
    }

    /** Sets the value at a mismatch path such as {@code coupon.amountOff} or {@code suppressions[0].until}. */
    private static void replace(JsonNode expect, String path, JsonNode value) {
        List<String> steps = new ArrayList<>();
        Matcher step = STEP.matcher(path);
        while (step.find()) {
            steps.add(step.group(1) != null ? step.group(1) : "[" + step.group(2));
        }
        JsonNode parent = expect;
        for (String part : steps.subList(0, steps.size() - 1)) {
            parent = part.startsWith("[") ? parent.get(Integer.parseInt(part.substring(1))) : parent.get(part);
        }
        String last = steps.get(steps.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
