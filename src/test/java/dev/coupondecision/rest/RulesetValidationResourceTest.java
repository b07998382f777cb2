package dev.coupondecision.rest;

import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.problem.Problem;
import dev.coupondecision.ruleset.RuleArchive;
import dev.coupondecision.ruleset.RuleFile;
import dev.coupondecision.ruleset.RuleFileSet;
import dev.coupondecision.support.TestTokens;
import dev.coupondecision.tables.TableEdit;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** POST /rulesets/validate: dry runs of edited tables against the active ruleset, which never changes. */
@QuarkusTest
class RulesetValidationResourceTest {

    /** Every request carries a token with the analyst role. */
    private static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(TestTokens.analyst());
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Path TABLES = ReferenceRuleset.TABLES;

    private static String activeVersion() {
        return given().get("/rulesets/active").then().statusCode(200).extract().path("version");
    }

    private static RequestSpecification upload(String fileName, byte[] content) {
        return given().multiPart("files", fileName, content, XLSX);
    }

    private static JsonPath validate(RequestSpecification request) {
        return request.when().post("/rulesets/validate").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theActiveFilesDownloadAsAZipThatReadsBackIntoTheSameVersion() {
        io.restassured.response.Response zip = given().get("/rulesets/active/files");
        zip.then().statusCode(200).contentType("application/zip").header("X-Ruleset-Version", activeVersion());
        RuleFileSet files = RuleArchive.read(zip.asByteArray(), 64L * 1024 * 1024);
        assertThat(files.version()).isEqualTo(activeVersion());
        assertThat(files.files()).extracting(RuleFile::name).contains("coupons.xlsx", "eligibility.drl");
    }

    @Test
    void anEditedAmountChangesNoTierOnlyTheDormantCouponsAmount() {
        String active = activeVersion();
        byte[] coupons = TableEdit.setCell(TABLES.resolve("coupons.xlsx"), "Dormant", "Amount off", 35);

        JsonPath report = validate(upload("coupons.xlsx", coupons));

        // the shipped scenarios pin the dormant coupon at 30: the edit is rejected until they are updated,
        // and the report shows exactly those scenarios, plus the impact the edit would have
        assertThat(report.getBoolean("accepted")).isFalse();
        assertThat(report.getString("baselineVersion")).isEqualTo(active);
        assertThat(report.getString("candidateVersion")).isNotEqualTo(active);
        assertThat(report.getList("files")).containsExactly(Map.of("name", "coupons.xlsx", "change", "CHANGED"));
        List<Map<String, Object>> failures = report.getList("scenarios.failures");
        assertThat(failures).isNotEmpty().allSatisfy(failure -> assertThat(failure.toString())
                .contains("coupon.amountOff").contains("expected=30").contains("actual=35"));
        assertThat(report.getInt("impact.decided")).isEqualTo(10_000);
        assertThat(report.getInt("impact.changed")).isZero();
        assertThat(report.getInt("impact.tierChangeCount")).isZero();
        assertThat(report.getList("impact.tierChanges")).isEmpty();
        assertThat(report.getList("impact.couponTypeChanges")).isEmpty();
        assertThat(report.getList("impact.eligibilityChanges")).isEmpty();
        List<Map<String, Object>> terms = report.getList("impact.couponTermChanges");
        assertThat(terms).singleElement().satisfies(change -> {
            assertThat(change).containsEntry("tier", "DORMANT").containsEntry("couponType", "NO_THRESHOLD")
                    .containsEntry("term", "amountOff").containsEntry("from", "30").containsEntry("to", "35");
            assertThat(change.get("count")).isEqualTo(report.getInt("impact.tierMatrix.DORMANT.DORMANT"));
            assertThat((List<?>) change.get("examples")).hasSize(5);
        });
        assertThat(activeVersion()).isEqualTo(active);
    }

    @Test
    void aLowerChurnThresholdShowsDormantToChurnedWithExamples() {
        byte[] tiers = TableEdit.setCell(TABLES.resolve("tiers.xlsx"), "Churned: no purchase for over 180 days",
                "Last purchase over days ago", 150);

        JsonPath report = validate(upload("tiers.xlsx", tiers));

        // scenarios pin the 180-day boundary, so the dry run rejects the edit and still shows its impact
        assertThat(report.getBoolean("accepted")).isFalse();
        assertThat(report.getList("scenarios.failures").toString()).contains("actual=CHURNED, expected=DORMANT, path=tier");
        List<Map<String, Object>> transitions = report.getList("impact.tierChanges");
        assertThat(transitions).singleElement().satisfies(t -> {
            assertThat(t).containsEntry("from", "DORMANT").containsEntry("to", "CHURNED");
            assertThat((Integer) t.get("count")).isPositive();
            assertThat((List<?>) t.get("examples")).hasSize(5).allSatisfy(id -> assertThat(id.toString()).matches("syn-\\d{5}"));
        });
        assertThat(report.getInt("impact.tierMatrix.DORMANT.CHURNED")).isEqualTo(transitions.get(0).get("count"));
        assertThat(report.getInt("impact.changed")).isEqualTo(transitions.get(0).get("count"));
    }

    @Test
    void aBrokenCellIsReportedWithItsCellAndNothingIsActivated() {
        String active = activeVersion();
        Object lastCandidate = given().get("/rulesets/status").then().extract().path("lastCandidate");
        byte[] coupons = TableEdit.setCell(TABLES.resolve("coupons.xlsx"), "Dormant", "Amount off", "thirty");

        JsonPath report = validate(upload("coupons.xlsx", coupons));

        assertThat(report.getBoolean("accepted")).isFalse();
        assertThat(report.getList("findings", Map.class)).anySatisfy(f -> assertThat(f)
                .containsEntry("severity", "ERROR").containsEntry("file", "coupons.xlsx")
                .containsEntry("sheet", "Coupons").containsEntry("cell", "G19"));
        assertThat(report.getMap("impact")).isNull();
        assertThat(report.getString("impactNote")).contains("does not compile");
        assertThat(activeVersion()).isEqualTo(active);
        assertThat((Object) given().get("/rulesets/status").then().extract().path("lastCandidate")).isEqualTo(lastCandidate);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFailingScenarioShowsExpectedAndActualAndTheImpact() {
        byte[] tiers = TableEdit.setCell(TABLES.resolve("tiers.xlsx"), "High value: frequent and big spender",
                "Spend in last 365 days at least", 2500);

        JsonPath report = validate(upload("tiers.xlsx", tiers));

        assertThat(report.getBoolean("accepted")).isFalse();
        assertThat(report.getList("scenarios.failures", Map.class)).anySatisfy(failure -> {
            assertThat(failure).containsEntry("file", "tiers/high-value-birthday-in-7-days.json");
            assertThat((List<Object>) failure.get("mismatches")).contains(
                    (Object) Map.of("path", "tier", "expected", "HIGH_VALUE", "actual", "ACTIVE"));
        });
        assertThat(report.getList("impact.tierChanges", Map.class))
                .anySatisfy(t -> assertThat(t).containsEntry("from", "HIGH_VALUE").containsEntry("to", "ACTIVE"));
    }

    @Test
    void anAddedDrlFileIsCheckedWithTheActiveFiles() {
        String drl = """
                package dev.coupondecision.rules.extra;
                import dev.coupondecision.decision.facts.Decision;
                rule "Nothing to do"
                    ruleflow-group "eligibility"
                when
                    Decision(tier != null)
                then
                end
                """;
        JsonPath report = validate(given().multiPart("files", "extra.drl", drl.getBytes(StandardCharsets.UTF_8), "text/plain"));
        assertThat(report.getBoolean("accepted")).isTrue();
        assertThat(report.getList("files")).containsExactly(Map.of("name", "extra.drl", "change", "ADDED"));
        assertThat(report.getInt("impact.changed")).isZero();
    }

    @Test
    void aRuleNoScenarioReachesIsRejectedBecauseNothingPinsIt() {
        String drl = """
                package dev.coupondecision.rules.extra;
                import dev.coupondecision.decision.facts.Decision;
                rule "Never reached"
                    ruleflow-group "eligibility"
                when
                    Decision(tier == null)
                then
                end
                """;
        JsonPath report = validate(given().multiPart("files", "extra.drl", drl.getBytes(StandardCharsets.UTF_8), "text/plain"));
        assertThat(report.getBoolean("accepted")).isFalse();
        assertThat(report.getList("findings", Map.class)).anySatisfy(finding -> assertThat(finding)
                .containsEntry("severity", "ERROR").containsEntry("file", "extra.drl")
                .hasEntrySatisfying("message", m -> assertThat((String) m).startsWith("no scenario reaches rule 'Never reached'")));
    }

    @Test
    void rejectsPartsThatAreNotPlainNonEmptyXlsxOrDrlFiles() throws IOException {
        byte[] coupons = Files.readAllBytes(TABLES.resolve("coupons.xlsx"));
        given().multiPart("table", "coupons.txt", coupons, XLSX)
                .when().post("/rulesets/validate")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://coupon-decision.dev/problems/invalid-upload"))
                .body("detail", equalTo("1 part was rejected: 'table'"))
                .body("violations[0].field", equalTo("table"))
                .body("violations[0].rejectedValue", equalTo("coupons.txt"));
        given().multiPart("files", "../coupons.xlsx", coupons, XLSX)
                .when().post("/rulesets/validate")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("files"))
                .body("violations[0].expected", equalTo("a plain file name without path separators, such as coupons.xlsx"));
        given().multiPart("empty", "tiers.xlsx", new byte[0], XLSX)
                .when().post("/rulesets/validate")
                .then().statusCode(400)
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("empty"))
                .body("violations[0].expected", equalTo("a non-empty file"));
        given().multiPart("a", "coupons.xlsx", coupons, XLSX).multiPart("b", "notes.docx", coupons, XLSX)
                .multiPart("c", "coupons.xlsx", coupons, XLSX)
                .when().post("/rulesets/validate")
                .then().statusCode(400)
                .body("detail", equalTo("2 parts were rejected: 'b', 'c'"));
        given().multiPart("comment", "just text")
                .when().post("/rulesets/validate")
                .then().statusCode(400)
                .body("violations[0].expected", startsWith("at least one file part"));
    }

    @Test
    void isDescribedInTheApiDocument() {
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/rulesets/validate'.post.requestBody.content", hasKey("multipart/form-data"))
                .body("paths.'/rulesets/validate'.post.responses", hasKey("400"));
    }

    @Test
    void aJsonBodyIsUnsupported() {
        given().contentType("application/json").body("{}")
                .when().post("/rulesets/validate")
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE);
    }

    /**
     * The attacks an analyst token could run before the code guard: each uploaded DRL writes a marker file if any
     * of its code runs. The dry run compiles and runs scenarios on accepted uploads, so a refusal before
     * compiling, at the payload's line, and no marker, prove that nothing ran.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "then\n    java.nio.file.Files.writeString(java.nio.file.Path.of(\"MARKER\"), \"ran\");",
            "then\n    audit();\nend\nfunction void audit() { try { new java.io.FileWriter(\"MARKER\").close(); } catch (Exception e) { } }\nrule \"Rest\" when then",
            "then\n    $d.setCategory(\"x\"); /*\"*/ new java.io.FileWriter(\"MARKER\").close(); /*\"*/",
            "then\n    char q = '\"'; new java.io.FileWriter(\"MARKER\").close();"})
    void refusesUploadedDrlThatRunsCodeOutsideTheFacts(String consequence) throws IOException {
        Path marker = Files.createTempDirectory("validate-attack").resolve("ran");
        String drl = """
                package dev.coupondecision.rules.audit;
                import dev.coupondecision.decision.facts.*;
                rule "Audit"
                    ruleflow-group "eligibility"
                when
                    $d : Decision()
                %s
                end
                """.formatted(consequence.replace("MARKER", marker.toString()));
        String active = activeVersion();

        JsonPath report = validate(given().multiPart("files", "audit.drl", drl.getBytes(StandardCharsets.UTF_8), "text/plain"));

        assertThat(report.getBoolean("accepted")).isFalse();
        assertThat(report.getMap("scenarios")).as("refused before compiling: no scenario ran").isNull();
        List<Map<String, Object>> findings = report.getList("findings");
        assertThat(findings).isNotEmpty().allSatisfy(finding -> {
            assertThat(finding).containsEntry("file", "audit.drl").containsEntry("severity", "ERROR");
            assertThat((Integer) finding.get("line")).isBetween(3, 10);
            assertThat((String) finding.get("message")).startsWith("rule code refused: ");
        });
        assertThat(marker).doesNotExist();
        assertThat(activeVersion()).isEqualTo(active);
    }

    @Test
    void refusesMacroEnabledAndOversizedWorkbooks() throws IOException {
        byte[] coupons = Files.readAllBytes(TABLES.resolve("coupons.xlsx"));
        given().multiPart("files", "coupons.xlsm", coupons, XLSX)
                .when().post("/rulesets/validate")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].expected", startsWith("a macro-free workbook"));
        given().multiPart("files", "coupons.xlsx", new byte[6 << 20], XLSX)
                .when().post("/rulesets/validate")
                .then().statusCode(400)
                .body("violations[0].expected", equalTo("a file of at most 5242880 bytes (this one has 6291456)"));

        JsonPath report = validate(upload("coupons.xlsx", dev.coupondecision.ruleset.table.WorkbookLimitsTest.workbookWithRows(50_000)));

        assertThat(report.getBoolean("accepted")).isFalse();
        assertThat(report.getList("findings", Map.class)).extracting(f -> f.get("message"))
                .containsExactly("a sheet has more than 5000 rows");
    }
}
