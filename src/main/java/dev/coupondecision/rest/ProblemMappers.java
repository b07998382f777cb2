package dev.coupondecision.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.coupondecision.decision.request.InvalidRequestException;
import dev.coupondecision.problem.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into one RFC 7807 body: bad input is a 400 naming each field, never a 500; anything
 * unexpected is logged once here and answered without a stack trace.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return respond(Problem.invalidRequest(e.violations()));
    }

    @ServerExceptionMapper
    public Response invalidUpload(InvalidUploadException e) {
        return respond(Problem.invalidUpload(e.violations()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(Problem.of("malformed-json", "Malformed JSON", 400,
                "The body is not valid JSON" + where + ": " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of("http-" + status, reason, status, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (clientWentAway(e)) {
            // a client that closes its connection mid-request is not a service failure
            LOG.debugf("client closed the connection mid-request: %s", e);
        } else {
            LOG.error("unexpected failure while handling a request", e);
        }
        return respond(Problem.of("internal-error", "Internal error", 500,
                "The decision could not be made; the failure was logged"));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
