package dev.coupondecision.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coupondecision.activation.RulesetCheck;
import dev.coupondecision.store.RulesetSnapshot;
import dev.coupondecision.activation.RulesetVerifier;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.config.JsonConfig;
import dev.coupondecision.config.StandaloneConfig;
import dev.coupondecision.decision.request.InvalidRequestException;
import dev.coupondecision.ruleset.FiredRule;
import dev.coupondecision.scenario.ScenarioJson;
import dev.coupondecision.scenario.ScenarioRecorder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code rules scenario new NAME --from profile.json}: records what the rules decide for a profile as a new scenario. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Work with the regression scenarios.", subcommands = ScenarioCommand.New.class)
final class ScenarioCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do, e.g. scenario new NAME --from profile.json");
    }

    @Command(name = "new", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Decide a customer profile with the current rules and save the decision as a new scenario"
                    + " that pins it (check the decision it prints before you commit the file).",
                    "The profile is a JSON object like the body of POST /decide; without asOf, now is used."})
    static final class New implements Callable<Integer> {
        private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,80}");
        private static final ObjectMapper JSON = JsonConfig.configure(new ObjectMapper());

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "file name of the scenario, lower case with dashes,"
                + " e.g. vip-birthday-in-december")
        String name;

        @Option(names = "--from", required = true, paramLabel = "PROFILE.json", description = "the customer profile")
        Path profile;

        @Option(names = "--folder", paramLabel = "FOLDER", description = "sub-folder of the scenarios, e.g. coupons")
        String folder;

        @Option(names = "--title", paramLabel = "TEXT", description = "what the scenario is about, in words"
                + " (default: NAME with spaces)")
        String title;

        @Option(names = "--description", paramLabel = "TEXT", description = "why this case matters; do not repeat"
                + " the numbers the expectation holds")
        String description;

        @Option(names = "--rules", paramLabel = "DIR", description = "DRL folder (default: coupon.rules-dir)")
        Path rules;

        @Option(names = "--tables", paramLabel = "DIR", description = "decision-table folder (default: coupon.tables-dir)")
        Path tables;

        @Option(names = "--scenarios", paramLabel = "DIR", description = "scenario folder (default: coupon.scenarios-dir)")
        Path scenarios;

        @Override
        public Integer call() throws IOException {
            if (!FILE_NAME.matcher(name).matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + name + "' is not a scenario name:"
                        + " use lower-case letters, digits and dashes, e.g. vip-birthday-in-december");
            }
            if (folder != null && !FILE_NAME.matcher(folder).matches()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--folder '" + folder
                        + "' must be one folder name such as coupons");
            }
            if (!Files.isRegularFile(profile)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--from " + profile + " is not a file");
            }
            Map<String, String> overrides = new LinkedHashMap<>();
            if (rules != null) {
                overrides.put("coupon.rules-dir", rules.toString());
            }
            if (tables != null) {
                overrides.put("coupon.tables-dir", tables.toString());
            }
            if (scenarios != null) {
                overrides.put("coupon.scenarios-dir", scenarios.toString());
            }
            DecisionConfig config = StandaloneConfig.load(overrides);
            Path scenariosDir = Path.of(config.scenariosDir());
            Path target = (folder == null ? scenariosDir : scenariosDir.resolve(folder)).resolve(name + ".json");
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (Files.exists(target)) {
                err.println("rules: " + target + " exists already; pick another name or edit that file");
                return RulesTool.REJECTED;
            }

            Clock clock = Clock.systemUTC();
            RulesetCheck check = RulesetVerifier.configured(config, clock).verify(RulesetSnapshot.read(
                    Path.of(config.rulesDir()), Path.of(config.tablesDir()), scenariosDir));
            if (check.compiled() == null) {
                err.println("rules: the rules do not compile, so there is nothing to record; fix these first:");
                check.findings().forEach(f -> err.println("  " + f));
                return RulesTool.REJECTED;
            }
            JsonNode request = JSON.readTree(Files.readString(profile, StandardCharsets.UTF_8));
            ScenarioRecorder.Recorded recorded;
            try {
                recorded = new ScenarioRecorder(clock, config.defaultTimezone()).record(
                        title != null ? title : Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('-', ' '),
                        description, request, check.compiled());
            } catch (InvalidRequestException e) {
                err.println("rules: the service would refuse this profile:");
                e.violations().forEach(v -> err.println("  " + v));
                return RulesTool.REJECTED;
            } catch (IllegalArgumentException e) {
                err.println("rules: " + e.getMessage());
                return RulesTool.REJECTED;
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, ScenarioJson.write(recorded.scenario()), StandardCharsets.UTF_8);
            out.println("Wrote " + target + ", pinning what the rules decide now:");
            out.print(ScenarioJson.write((ObjectNode) recorded.scenario().get("expect")));
            out.println("Rules that fired:");
            recorded.decision().firedRules().stream().map(FiredRule::source).forEach(source -> out.println("  " + source));
            return RulesTool.ACCEPTED;
        }
    }
}
