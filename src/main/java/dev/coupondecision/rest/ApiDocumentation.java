package dev.coupondecision.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API description's frame: title, the Bearer token scheme every protected operation names, and the tags that
 * group operations by feature. Operations, schemas and error responses are described where they are written.
 */
@OpenAPIDefinition(
        info = @Info(title = "Coupon Decision Service", version = "1.0",
                description = "Decides tier, coupon, send window, frequency cap and eligibility for SMS coupon marketing,"
                        + " from analysts' decision tables. Every error is an RFC 7807 problem (application/problem+json)."),
        tags = {@Tag(name = "Decisions", description = "Decide for one customer or a batch (role crm)"),
                @Tag(name = "Rulesets", description = "The serving ruleset, reloads and dry runs of edits (role analyst)")})
@SecurityScheme(securitySchemeName = ApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "A JWT signed by the configured key; roles in its groups claim")
public class ApiDocumentation extends Application {
    static final String BEARER = "bearer";
}
