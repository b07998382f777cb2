package dev.coupondecision.rest;

import dev.coupondecision.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every protected endpoint answers 401 without a valid token and 403 with the wrong role. */
@QuarkusTest
class SecurityTest {

    /** method, path, content type, body, role it needs. */
    static Stream<Arguments> protectedEndpoints() {
        return Stream.of(
                Arguments.of("POST", "/decide", "application/json", "{}", "crm"),
                Arguments.of("POST", "/decide/batch", "application/x-ndjson", "{}\n", "crm"),
                Arguments.of("GET", "/rulesets/active", null, null, "analyst"),
                Arguments.of("GET", "/rulesets/status", null, null, "analyst"),
                Arguments.of("POST", "/rulesets/reload", null, null, "analyst"),
                Arguments.of("POST", "/rulesets/validate", "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.drl\"\r\n\r\npackage x;\r\n--b--\r\n", "analyst"));
    }

    static Stream<Arguments> openEndpoints() {
        return Stream.of(Arguments.of("/q/health/ready"), Arguments.of("/q/health/live"), Arguments.of("/q/metrics"),
                Arguments.of("/q/openapi"));
    }

    @ParameterizedTest(name = "{0} {1} without a token is 401")
    @MethodSource("protectedEndpoints")
    void shouldAnswer401WithoutToken(String method, String path, String type, String body, String role) {
        assertThat(call(RestAssured.given(), method, path, type, body)).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} {1} with a token from an untrusted key is 401")
    @MethodSource("protectedEndpoints")
    void shouldAnswer401ForUntrustedSignature(String method, String path, String type, String body, String role) {
        RequestSpecification request = RestAssured.given().auth().oauth2(TestTokens.signedByAnotherKey(role));
        assertThat(call(request, method, path, type, body)).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} {1} with the wrong role is 403")
    @MethodSource("protectedEndpoints")
    void shouldAnswer403ForWrongRole(String method, String path, String type, String body, String role) {
        String other = role.equals("crm") ? "analyst" : "crm";
        RequestSpecification request = RestAssured.given().auth().oauth2(TestTokens.withRoles(other));
        assertThat(call(request, method, path, type, body)).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0} {1} with its role is let in")
    @MethodSource("protectedEndpoints")
    void shouldLetTheRightRoleIn(String method, String path, String type, String body, String role) {
        RequestSpecification request = RestAssured.given().auth().oauth2(TestTokens.withRoles(role));
        assertThat(call(request, method, path, type, body)).isNotIn(401, 403);
    }

    @ParameterizedTest(name = "{0} needs no token")
    @MethodSource("openEndpoints")
    void shouldServeHealthMetricsAndApiDescriptionWithoutToken(String path) {
        assertThat(RestAssured.given().get(path).statusCode()).isEqualTo(200);
    }

    private static int call(RequestSpecification request, String method, String path, String type, String body) {
        if (type != null) {
            request = request.contentType(type).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return request.request(method, path).statusCode();
    }
}
