package dev.coupondecision.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prose of the shipped scenarios (file name, name, description) says what case a scenario is and why it matters,
 * never the values its expectation pins from the tables: {@code --update-scenarios} rewrites expectations, not prose,
 * so a number or time copied from the coupon, the frequency cap, the tier cap or the send window would go stale with
 * the next edit of a table ("30 off" after the amount became 35). Numbers the request itself holds (a boundary like
 * 91 days, a time of day) and those of the service's fixed rules (the 3- and 7-day caps) may be named.
 */
class ScenarioProseTest {
    private static final Pattern NUMBER_OR_TIME = Pattern.compile("(?<![\\d:.])\\d+(?::\\d\\d)?(?:\\.\\d+)?(?![\\d:])");
    private static final Pattern TIME_OF_DAY = Pattern.compile("T(\\d\\d:\\d\\d)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    @Test
    void noScenarioRestatesTheValuesItsExpectationPins() {
        List<String> stale = new ArrayList<>();
        for (Scenario scenario : ScenarioLoader.read(Path.of("scenarios")).scenarios()) {
            Set<String> pinned = pinnedValues(scenario);
            String prose = (scenario.file() + " " + scenario.name() + " " + (scenario.description() == null ? ""
                    : scenario.description())).replace('-', ' ');
            Set<String> restated = new TreeSet<>();
            Matcher token = NUMBER_OR_TIME.matcher(prose);
            while (token.find()) {
                if (pinned.contains(token.group())) {
                    restated.add(token.group());
                }
            }
            if (!restated.isEmpty()) {
                stale.add(scenario.file() + " restates " + restated);
            }
        }
        assertThat(stale).as("describe the case, not the values the expectation holds").isEmpty();
    }

    /** Numbers and times of day in the expectation that the request does not hold itself. */
    private static Set<String> pinnedValues(Scenario scenario) {
        Set<String> pinned = new TreeSet<>();
        JsonNode expect = scenario.expect();
        for (String tableField : List.of("coupon", "frequencyCap", "sendWindow", "nextEligibleAt")) {
            if (expect.has(tableField)) {
                collect(expect.get(tableField), pinned);
            }
        }
        for (JsonNode suppression : expect.path("suppressions")) {
            if ("TIER".equals(suppression.path("cap").asText())) {
                collect(suppression, pinned);
            }
        }
        Set<String> given = new TreeSet<>();
        collect(scenario.request(), given);
        List<String> requestText = new ArrayList<>();
        texts(scenario.request(), requestText);
        for (String text : requestText) {
            Matcher number = NUMBER.matcher(text);
            while (number.find()) {
                given.add(number.group());
            }
        }
        pinned.removeAll(given);
        return pinned;
    }

    private static void collect(JsonNode node, Set<String> values) {
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, values));
        } else if (node.isNumber()) {
            values.add(node.decimalValue().stripTrailingZeros().toPlainString());
        } else if (node.isTextual()) {
            Matcher time = TIME_OF_DAY.matcher(node.asText());
            while (time.find()) {
                values.add(time.group(1));
            }
        }
    }

    private static void texts(JsonNode node, List<String> texts) {
        if (node.isContainerNode()) {
            node.forEach(child -> texts(child, texts));
        } else if (node.isTextual()) {
            texts.add(node.asText());
        }
    }
}
