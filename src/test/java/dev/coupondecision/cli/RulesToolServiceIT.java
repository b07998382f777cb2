package dev.coupondecision.cli;

import dev.coupondecision.support.TestTokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rules validate --service URL} against the packaged service (which serves the frozen reference ruleset): the
 * working copy's rules are compared with what the service serves, fetched from {@code GET /rulesets/active/files}
 * with an analyst token; without a token the tool says which one it needs.
 */
@QuarkusIntegrationTest
class RulesToolServiceIT {
    private static final Path JAR = Path.of("target/rules-cli/rules-cli.jar").toAbsolutePath();

    private record Result(int exitCode, String out, String err) {
    }

    private static Result rules(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "java";
        command[1] = "-jar";
        command[2] = JAR.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), out, err);
    }

    @Test
    void comparesTheWorkingCopyWithTheRulesetTheServiceServes() throws Exception {
        String service = "http://localhost:" + RestAssured.port;
        String version = RestAssured.given().auth().oauth2(TestTokens.analyst()).get("/rulesets/active")
                .then().statusCode(200).extract().path("version");

        Result run = rules("validate", "--service", service, "--token", TestTokens.analyst(), "--size", "500");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Compared with the active ruleset of " + service + " (" + version + ")",
                "Impact: " + version + " -> ", "Decided: 500");
    }

    @Test
    void withoutATokenItSaysWhichOneItNeeds() throws Exception {
        Result usage = rules("validate", "--service", "http://localhost:" + RestAssured.port);
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("--service needs an analyst token: --token JWT or the COUPON_TOKEN environment variable");

        Result refused = rules("validate", "--service", "http://localhost:" + RestAssured.port, "--token", TestTokens.crm());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("answered 403", "give an analyst token");
    }
}
