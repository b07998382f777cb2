package dev.coupondecision.console;

import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.support.HeadlessChromium;
import dev.coupondecision.support.TestTokens;
import dev.coupondecision.tables.TableEdit;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysts' console in a real browser: Chromium from Debian's packages (chromium, chromium-driver; installed by
 * .ci/run), driven through Selenium WebDriver. An analyst logs in, hands in a workbook with a typo and sees the
 * finding on its cell, hands in a good one with its scenarios and sees the impact; an approver activates it, the
 * API's decisions name the new version, the history compares the two cell by cell, and the approver rolls back.
 * Screenshots of each step go to target/console-screenshots/ (the ones in docs/console/ are copies of them).
 * Without Chromium the test is skipped; in CI (CI=true) it fails instead.
 */
@QuarkusTest
@TestProfile(ConsoleBrowserTest.OwnStore.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final String DORMANT = """
            {"customerId": "dormant-1", "asOf": "2026-11-18T12:00:00+08:00", "smsConsent": true, "orderCount": 2,
             "ordersLast90Days": 1, "spendLast365Days": 300, "lastPurchaseDate": "2026-08-19"}""";

    private static ChromeDriver browser;
    private static Path uploads;
    private static String shipped;
    private static String edited;

    @TestHTTPResource("/")
    URL root;

    public static class OwnStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("coupon.reload.enabled", "false");
        }
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start(1400, 1000);
        Files.createDirectories(SCREENSHOTS);
        uploads = Files.createTempDirectory("console-uploads-");
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (uploads != null) {
            try (Stream<Path> files = Files.walk(uploads)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    @Order(1)
    void anAnalystLogsInAndSeesTheServingVersion() {
        logIn("analyst", "analyst");
        shipped = RestAssured.given().auth().oauth2(TestTokens.as("crm-system", "crm")).contentType("application/json")
                .body(DORMANT).post("/decide").then().statusCode(200).extract().jsonPath().getString("rulesetVersion");
        assertThat(text("main")).contains("Serving").contains(shipped).contains("96 of 96 passed");
        screenshot("overview");

        open("/console/tables");
        WebElement dormantAmount = browser.findElement(By.cssSelector("#grid-coupons-xlsx-Coupons td[data-cell='G19']"));
        assertThat(dormantAmount.getText()).isEqualTo("30");
        assertThat(text("#grid-coupons-xlsx-Coupons thead")).contains("Amount off").doesNotContain("CONDITION");
        screenshot("tables");
    }

    @Test
    @Order(2)
    void aTypoIsShownOnItsCell() throws IOException {
        Path typo = write("typo/coupons.xlsx", TableEdit.edited(table("coupons.xlsx"), t -> t.set("B19", "DORMNAT")));
        handIn(List.of(typo), "typo on purpose");

        wait(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        assertThat(text("#verdict")).startsWith("Rejected");
        WebElement cell = browser.findElement(By.cssSelector("#candidate-result td[data-cell='B19']"));
        assertThat(cell.getAttribute("class")).contains("has-finding");
        assertThat(cell.getText()).contains("DORMNAT").contains("B19");
        assertThat(text("#findings")).contains("B19").contains("DORMANT");
        scrollTo(cell);
        screenshot("candidate-with-typo");
    }

    @Test
    @Order(3)
    void aGoodChangeWithItsScenariosShowsItsImpact() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(write("good/coupons.xlsx", TableEdit.edited(table("coupons.xlsx"), t -> t.set("G19", 35))));
        for (ReferenceRuleset.UploadedScenario scenario : ReferenceRuleset.dormantScenariosAt35()) {
            files.add(write("good/" + scenario.name(), scenario.content().getBytes(StandardCharsets.UTF_8)));
        }
        handIn(files, "Dormant coupon 35 off");

        wait(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        assertThat(text("#verdict")).startsWith("Passed");
        edited = browser.findElement(By.cssSelector("#verdict a")).getText();
        assertThat(browser.findElements(By.cssSelector("#impact figure"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#impact svg.heatmap"))).hasSize(1);
        assertThat(text("#term-changes")).contains("DORMANT").contains("30").contains("35");
        scrollTo(browser.findElement(By.id("impact")));
        screenshot("candidate-impact");

        open("/console/versions/" + edited);
        assertThat(browser.findElements(By.id("activate-form"))).as("an analyst cannot activate").isEmpty();
    }

    @Test
    @Order(4)
    void anApproverActivatesItAndDecisionsNameTheNewVersion() {
        logOut();
        logIn("approver", "approver");
        open("/console/versions/" + edited);
        browser.findElement(By.id("activate-comment")).sendKeys("Approved for the December win-back");
        screenshot("approve");
        browser.findElement(By.id("activate")).click();
        wait(ExpectedConditions.textToBe(By.id("state"), "ACTIVE"));

        assertThat(decide().getString("rulesetVersion")).isEqualTo(edited);
        assertThat(decide().getInt("coupon.amountOff")).isEqualTo(35);
    }

    @Test
    @Order(5)
    void theSimulatorMarksTheRowsThatFired() {
        open("/console/simulate");
        WebElement profile = browser.findElement(By.id("profile"));
        profile.clear();
        profile.sendKeys(DORMANT);
        browser.findElement(By.id("decide")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("decision")));
        assertThat(text("#decision h2")).contains("DORMANT").contains("NO_THRESHOLD").contains("send");
        assertThat(browser.findElements(By.cssSelector("#grid-coupons-xlsx-Coupons tr.fired")))
                .extracting(row -> row.getAttribute("data-row")).containsExactly("19");
        screenshot("simulator");
    }

    @Test
    @Order(6)
    void theHistoryComparesTheVersionsCellByCell() {
        open("/console/versions");
        assertThat(text("#versions")).contains(shipped).contains(edited);
        screenshot("history");
        new Select(browser.findElement(By.id("compare-from"))).selectByValue(shipped);
        new Select(browser.findElement(By.id("compare-to"))).selectByValue(edited);
        browser.findElement(By.id("compare")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".diff-table")));
        assertThat(text(".diff-table")).contains("Dormant").contains("Amount off (G19)").contains("30").contains("35");
        screenshot("compare");
    }

    @Test
    @Order(7)
    void theApproverRollsBack() {
        open("/console/versions/" + shipped);
        assertThat(browser.findElement(By.id("activate")).getText()).isEqualTo("Roll back to this version");
        browser.findElement(By.id("activate-comment")).sendKeys("Roll back: finance said no");
        browser.findElement(By.id("activate")).click();
        wait(ExpectedConditions.textToBe(By.id("state"), "ACTIVE"));
        assertThat(decide().getString("rulesetVersion")).isEqualTo(shipped);
        assertThat(decide().getInt("coupon.amountOff")).isEqualTo(30);
    }

    @Test
    @Order(8)
    void aFormPostedWithoutThePageTokenIsRefused() {
        String session = browser.manage().getCookieNamed("coupon-console").getValue();
        RestAssured.given().cookie("coupon-console", session).contentType("application/x-www-form-urlencoded")
                .formParam("comment", "forged").post("/console/versions/" + edited + "/activate")
                .then().statusCode(403);
        RestAssured.given().cookie("coupon-console", session).header("X-CSRF-Token", "forged")
                .contentType("application/x-www-form-urlencoded").formParam("comment", "forged")
                .post("/console/versions/" + edited + "/activate").then().statusCode(403);
        assertThat(decide().getString("rulesetVersion")).as("nothing was activated").isEqualTo(shipped);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void logIn(String user, String password) {
        open("/console");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        assertThat(text(".who")).startsWith(user);
    }

    private void logOut() {
        browser.findElement(By.id("logout")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    private void handIn(List<Path> files, String comment) {
        open("/console/candidates");
        browser.findElement(By.id("files")).sendKeys(String.join("\n", files.stream().map(Path::toString).toList()));
        browser.findElement(By.id("comment")).sendKeys(comment);
        browser.findElement(By.id("submit-candidate")).click();
    }

    private static void scrollTo(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }

    private void open(String path) {
        browser.get(root.toString().replaceAll("/$", "") + path);
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static <T> void wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(condition);
    }

    private static void screenshot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static io.restassured.path.json.JsonPath decide() {
        return RestAssured.given().auth().oauth2(TestTokens.as("crm-system", "crm")).contentType("application/json")
                .body(DORMANT).post("/decide").then().statusCode(200).extract().jsonPath();
    }

    private static byte[] table(String name) throws IOException {
        return Files.readAllBytes(ReferenceRuleset.TABLES.resolve(name));
    }

    private static Path write(String name, byte[] content) throws IOException {
        Path file = uploads.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }
}
