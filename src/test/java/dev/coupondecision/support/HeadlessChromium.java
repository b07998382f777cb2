package dev.coupondecision.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real Chromium from Debian's packages (chromium, chromium-driver; installed by .ci/run), headless, for the
 * console's browser tests. Where it is not installed the calling test is skipped with a message; in CI (CI=true) it
 * fails instead.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    public static ChromeDriver start(int width, int height) {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/chromium")) && Tools.has("chromedriver");
        if (!installed && Tools.required()) {
            fail("chromium and chromium-driver are not installed (.ci/run installs them)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=" + width + "," + height, "--lang=en");
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Tools.path("chromedriver"))).build(), options);
        browser.manage().window().setSize(new Dimension(width, height));
        return browser;
    }
}
