package dev.coupondecision.rest;

import dev.coupondecision.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The HIGH_VALUE threshold is spendLast365Days >= 2000, on the number the caller sent.
 *
 * <p>Fails today (found by the reference-policy work, left unfixed on purpose): /decide reads the body with
 * the application's ObjectMapper, which turns JSON decimals into doubles before {@code RequestParser} sees them,
 * so 1999.9999999999999 arrives as 2000.0 and the customer becomes HIGH_VALUE.
 */
@QuarkusTest
class SpendPrecisionTest {

    @ParameterizedTest(name = "spend {0} -> {1}")
    @CsvSource({
            "1999.99, ACTIVE",
            "1999.9999999999999, ACTIVE",
            "1999.99999999999999999, ACTIVE",
            "2000, HIGH_VALUE",
            "2000.00, HIGH_VALUE",
    })
    void highValueThresholdUsesTheSpendAsSent(String spend, String tier) {
        String body = """
                {"customerId": "c-1", "asOf": "2026-11-20T12:00:00+08:00", "timezone": "Asia/Shanghai",
                 "smsConsent": true, "orderCount": 5, "ordersLast90Days": 3, "spendLast365Days": %s,
                 "lastPurchaseDate": "2026-11-01"}""".formatted(spend);
        given().auth().oauth2(TestTokens.crm()).contentType("application/json").body(body)
                .when().post("/decide")
                .then().statusCode(200).body("tier", equalTo(tier));
    }
}
