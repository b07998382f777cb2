package dev.coupondecision.rest;

import dev.coupondecision.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;

/**
 * JSON and NDJSON bodies are UTF-8 (RFC 8259): a request that declares another charset is refused with 415
 * rather than read as if it were UTF-8, which would silently change every non-ASCII character.
 */
public class Utf8Bodies {

    @ServerRequestFilter(preMatching = true)
    public Response refuseOtherCharsets(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !(contentType.contains("json"))) {
            return null;
        }
        String charset;
        try {
            charset = MediaType.valueOf(contentType).getParameters().get(MediaType.CHARSET_PARAMETER);
        } catch (IllegalArgumentException e) {
            return ProblemMappers.respond(Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
                    "Content-Type '" + contentType + "' cannot be read"));
        }
        if (charset == null || charset.equalsIgnoreCase(StandardCharsets.UTF_8.name()) || charset.equalsIgnoreCase("utf8")) {
            return null;
        }
        return ProblemMappers.respond(Problem.of("unsupported-charset", "Unsupported Media Type", 415,
                "JSON bodies must be UTF-8; this one declares charset=" + charset));
    }
}
