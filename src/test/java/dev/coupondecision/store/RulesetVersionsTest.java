package dev.coupondecision.store;

import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.support.TestTokens;
import dev.coupondecision.tables.TableEdit;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ruleset store over HTTP, as analysts and approvers use it: the shipped version in a fresh store, a candidate
 * handed in with its scenarios, the four-eyes rule, activation, the cell-level diff, rollback, and the audit trail.
 * An application of its own, so that its activations touch no other test.
 */
@QuarkusTest
@TestProfile(RulesetVersionsTest.OwnStore.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesetVersionsTest {
    private static final String DORMANT = """
            {"customerId": "dormant-1", "asOf": "2026-11-18T12:00:00+08:00", "smsConsent": true, "orderCount": 2,
             "ordersLast90Days": 1, "spendLast365Days": 300, "lastPurchaseDate": "2026-08-19"}""";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static String shipped;
    private static String edited;

    public static class OwnStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("coupon.reload.enabled", "false");
        }
    }

    private static RequestSpecification as(String user, String... roles) {
        return RestAssured.given().auth().oauth2(TestTokens.as(user, roles));
    }

    private static JsonPath decide() {
        return as("crm-system", "crm").contentType("application/json").body(DORMANT).post("/decide")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void aFreshStoreHoldsTheShippedVersionAsActive() {
        List<Map<String, Object>> versions = as("ana", "analyst").get("/rulesets/versions").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(versions).hasSize(1);
        shipped = (String) versions.get(0).get("version");
        assertThat(versions.get(0)).containsEntry("state", "ACTIVE").containsEntry("createdBy", "folder");
        assertThat((String) versions.get(0).get("source")).startsWith("folder:");
        assertThat(decide().getString("rulesetVersion")).isEqualTo(shipped);
    }

    @Test
    @Order(2)
    void aCandidateWithItsScenariosIsStoredAsPassedButNotActivated() throws IOException {
        byte[] coupons = TableEdit.edited(Files.readAllBytes(ReferenceRuleset.TABLES.resolve("coupons.xlsx")), t -> t.set("G19", 35));
        RequestSpecification upload = as("ana", "analyst").multiPart("files", "coupons.xlsx", coupons, XLSX)
                .multiPart("comment", "Dormant coupon 35 off");
        for (ReferenceRuleset.UploadedScenario scenario : ReferenceRuleset.dormantScenariosAt35()) {
            upload.multiPart("scenarios", scenario.name(), scenario.content().getBytes(StandardCharsets.UTF_8), "application/json");
        }
        JsonPath result = upload.post("/rulesets/candidates").then().statusCode(201).extract().jsonPath();

        edited = result.getString("version");
        assertThat(result.getString("state")).isEqualTo("PASSED");
        assertThat(result.getBoolean("report.accepted")).isTrue();
        assertThat(result.getInt("report.impact.changedTermsOnly")).isPositive();
        assertThat(decide().getString("rulesetVersion")).as("nothing is activated by handing in").isEqualTo(shipped);
        JsonPath version = as("ana", "analyst").get("/rulesets/versions/" + edited).then().statusCode(200).extract().jsonPath();
        assertThat(version.getString("version.createdBy")).isEqualTo("ana");
        assertThat(version.getString("version.comment")).isEqualTo("Dormant coupon 35 off");
        assertThat(version.getList("files.path", String.class)).contains("decision-tables/coupons.xlsx",
                "rules/eligibility.drl", "scenarios/tiers/recency-91-days-is-dormant.json");
    }

    @Test
    @Order(3)
    void theAnalystWhoHandedItInCannotApproveIt() {
        Response own = as("ana", "analyst", "approver").contentType("application/json")
                .body("{\"comment\": \"looks good to me\"}").post("/rulesets/versions/" + edited + "/activate");
        own.then().statusCode(403).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/four-eyes"));
        as("ana", "analyst").contentType("application/json").body("{\"comment\": \"x\"}")
                .post("/rulesets/versions/" + edited + "/activate").then().statusCode(403);
    }

    @Test
    @Order(4)
    void anApproverActivatesItAndDecisionsNameIt() {
        as("bo", "approver").contentType("application/json").body("{\"comment\": \"\"}")
                .post("/rulesets/versions/" + edited + "/activate").then().statusCode(400);
        JsonPath activation = as("bo", "approver").contentType("application/json")
                .body("{\"comment\": \"Approved for the December win-back\"}")
                .post("/rulesets/versions/" + edited + "/activate").then().statusCode(200).extract().jsonPath();
        assertThat(activation.getString("activatedBy")).isEqualTo("bo");
        assertThat(activation.getString("previousVersion")).isEqualTo(shipped);
        JsonPath decision = decide();
        assertThat(decision.getString("rulesetVersion")).isEqualTo(edited);
        assertThat(decision.getInt("coupon.amountOff")).isEqualTo(35);
    }

    @Test
    @Order(5)
    void theDiffShowsTheChangedCellAndTheChangedScenarios() {
        JsonPath diff = as("ana", "analyst").get("/rulesets/versions/" + shipped + "/diff/" + edited).then()
                .statusCode(200).extract().jsonPath();
        assertThat(diff.getList("tables", Map.class)).singleElement().satisfies(table -> {
            assertThat(table).containsEntry("file", "coupons.xlsx").containsEntry("sheet", "Coupons");
            assertThat((List<?>) table.get("rows")).singleElement().isEqualTo(Map.of("rule", "Dormant", "fromRow", 19,
                    "toRow", 19, "change", "CHANGED", "cells", List.of(Map.of("column", "Amount off", "fromCell", "G19",
                            "toCell", "G19", "before", "30", "after", "35"))));
        });
        assertThat(diff.getList("drl")).isEmpty();
        assertThat(diff.getList("scenarios.path", String.class)).contains("tiers/recency-91-days-is-dormant.json");
    }

    @Test
    @Order(6)
    void rollingBackIsActivatingTheOlderVersionAndEveryActivationIsAudited() {
        as("bo", "approver").contentType("application/json").body("{\"comment\": \"Roll back: finance said no\"}")
                .post("/rulesets/versions/" + shipped + "/activate").then().statusCode(200);
        assertThat(decide().getString("rulesetVersion")).isEqualTo(shipped);

        List<Map<String, Object>> trail = as("ana", "analyst").get("/rulesets/activations").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(trail).extracting(a -> a.get("version"), a -> a.get("activatedBy"), a -> a.get("comment"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(shipped, "bo", "Roll back: finance said no"),
                        org.assertj.core.groups.Tuple.tuple(edited, "bo", "Approved for the December win-back"),
                        org.assertj.core.groups.Tuple.tuple(shipped, "folder", "changed in the rule folders"));
        Map<String, String> states = new java.util.HashMap<>();
        as("ana", "analyst").get("/rulesets/versions").then().extract().jsonPath().getList("$", Map.class)
                .forEach(v -> states.put((String) v.get("version"), (String) v.get("state")));
        assertThat(states).containsEntry(shipped, "ACTIVE").containsEntry(edited, "PREVIOUS");
    }

    @Test
    @Order(7)
    void aRejectedCandidateIsKeptWithItsFindingsAndCannotBeActivated() throws IOException {
        byte[] typo = TableEdit.edited(Files.readAllBytes(ReferenceRuleset.TABLES.resolve("coupons.xlsx")), t -> t.set("B19", "DORMNAT"));
        JsonPath result = as("ana", "analyst").multiPart("files", "coupons.xlsx", typo, XLSX)
                .post("/rulesets/candidates").then().statusCode(201).extract().jsonPath();
        assertThat(result.getString("state")).isEqualTo("REJECTED");
        assertThat(result.getString("report.findings[0].cell")).isEqualTo("B19");
        as("bo", "approver").contentType("application/json").body("{\"comment\": \"try\"}")
                .post("/rulesets/versions/" + result.getString("version") + "/activate").then().statusCode(409);
        as("bo", "approver").contentType("application/json").body("{\"comment\": \"try\"}")
                .post("/rulesets/versions/ffffffffffff/activate").then().statusCode(404);
    }

    @Test
    @Order(8)
    void aStoredFileDownloadsAsItWasHandedIn() throws IOException {
        byte[] drl = as("ana", "analyst").get("/rulesets/versions/" + shipped + "/files/rules/eligibility.drl")
                .then().statusCode(200).extract().asByteArray();
        assertThat(drl).isEqualTo(Files.readAllBytes(ReferenceRuleset.RULES.resolve("eligibility.drl")));
        as("ana", "analyst").get("/rulesets/versions/" + shipped + "/files/rules/absent.drl").then().statusCode(404);
    }
}
