package dev.coupondecision.closedloop;

import dev.coupondecision.support.HeadlessChromium;
import dev.coupondecision.support.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign report in a real browser (Chromium from Debian's packages, as the console's other browser test): an
 * analyst logs in, finds the campaign in the list, and sees the groups, the uplift summary and the charts. Writes
 * the screenshot docs/console/report.png shown in the README.
 */
@QuarkusTest
@TestProfile(ReportPageBrowserTest.Holdout.class)
class ReportPageBrowserTest {
    private static final String CAMPAIGN = "spring-2027";
    private static final Path SCREENSHOTS = Path.of("docs/console");
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    /** Campaign spring-2027 holds out 20 %. */
    public static class Holdout implements io.quarkus.test.junit.QuarkusTestProfile {
        private static java.util.Map<String, String> overrides;

        @Override
        public synchronized java.util.Map<String, String> getConfigOverrides() {
            if (overrides == null) {
                overrides = ClosedLoopProfile.withHoldoutFor(CAMPAIGN, "spring-holdout", 20);
            }
            return overrides;
        }
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start(1400, 1600);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAnalystSeesWhatTheCampaignCaused() throws IOException {
        decideAndReportOutcomes();
        open("/console");
        browser.findElement(By.id("username")).sendKeys("analyst");
        browser.findElement(By.id("password")).sendKeys("analyst");
        browser.findElement(By.id("login")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("logout")));

        browser.findElement(By.linkText("Reports")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("campaigns")));
        browser.findElement(By.linkText(CAMPAIGN)).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.id("uplift-summary")));

        assertThat(browser.findElement(By.id("uplift-summary")).getText()).startsWith("Redemption uplift over the holdout group: +");
        assertThat(browser.findElement(By.cssSelector("#groups tr[data-group='holdout']")).getText()).contains("holdout");
        assertThat(browser.findElements(By.cssSelector("#breakdown-tier svg circle"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#breakdown-couponRow svg circle"))).isNotEmpty();
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve("report.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** 2,000 customers decided in the campaign; every sent one redeems if its number ends in 0-2, holdout ones in 0. */
    private static void decideAndReportOutcomes() {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            int orders = 1 + i % 4;
            batch.append("{\"customerId\":\"sp-").append(i).append("\",\"asOf\":\"2027-03-01T12:00:00+08:00\"")
                    .append(",\"smsConsent\":true,\"orderCount\":").append(orders)
                    .append(",\"ordersLast90Days\":").append(i % 4).append(",\"spendLast365Days\":").append(i % 30 * 100)
                    .append(",\"lastPurchaseDate\":\"").append(java.time.LocalDate.of(2027, 3, 1).minusDays(i % 150))
                    .append("\",\"campaign\":{\"id\":\"").append(CAMPAIGN).append("\"},\"contactHistory\":[]}\n");
        }
        String answers = given().auth().oauth2(TestTokens.crm()).contentType("application/x-ndjson; charset=utf-8")
                .body(batch.toString().getBytes(StandardCharsets.UTF_8)).post("/decide/batch")
                .then().statusCode(200).extract().asString();
        StringBuilder outcomes = new StringBuilder();
        for (String line : answers.split("\n")) {
            String customer = line.replaceAll(".*\"customerId\":\"(sp-\\d+)\".*", "$1");
            int n = Integer.parseInt(customer.substring(3));
            boolean eligible = line.contains("\"eligible\":true");
            boolean holdout = line.contains("\"code\":\"HOLDOUT\"");
            if (eligible) {
                outcomes.append("{\"customerId\":\"").append(customer).append("\",\"campaignId\":\"").append(CAMPAIGN)
                        .append("\",\"type\":\"SENT\",\"at\":\"2027-03-01T20:00:00+08:00\"}\n");
            }
            if ((eligible && n % 10 <= 2) || (holdout && n % 10 == 0)) {
                outcomes.append("{\"customerId\":\"").append(customer).append("\",\"campaignId\":\"").append(CAMPAIGN)
                        .append("\",\"type\":\"REDEEMED\",\"at\":\"2027-03-03T10:00:00+08:00\",\"orderAmount\":")
                        .append(120 + n % 80).append("}\n");
            }
        }
        given().auth().oauth2(TestTokens.crm()).contentType("application/x-ndjson; charset=utf-8")
                .body(outcomes.toString().getBytes(StandardCharsets.UTF_8)).post("/outcomes").then().statusCode(200);
    }

    private void open(String path) {
        browser.get(root.toString().replaceAll("/$", "") + path);
    }

    private static <T> void wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(condition);
    }
}
