package dev.coupondecision.rest;

import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Single decisions are small, so /decide refuses a large body before reading it; the global HTTP limit
 * stays large enough for batches.
 */
public class BodyLimitFilter {
    private final DecisionConfig config;

    public BodyLimitFilter(DecisionConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response limitDecideBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        long max = config.decideMaxBody().asLongValue();
        if (!"/decide".equals(request.getUriInfo().getPath()) || length == null) {
            return null;
        }
        try {
            if (Long.parseLong(length.trim()) <= max) {
                return null;
            }
        } catch (NumberFormatException e) {
            return ProblemMappers.respond(Problem.of("bad-content-length", "Bad Content-Length", 400,
                    "Content-Length '" + length + "' is not a number"));
        }
        return ProblemMappers.respond(Problem.of("body-too-large", "Body too large", 413,
                "POST /decide accepts at most " + max + " bytes; send many customers to /decide/batch"));
    }
}
