package dev.coupondecision.rest;

import dev.coupondecision.upload.InvalidUploadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.coupondecision.batch.BatchSpool;
import dev.coupondecision.decision.request.InvalidRequestException;
import dev.coupondecision.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
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
    public Response unauthorized(UnauthorizedException e) {
        return bearerChallenge(Problem.of("unauthorized", "Unauthorized", 401,
                "This endpoint needs a Bearer token (Authorization: Bearer ...)"), null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return bearerChallenge(Problem.of("invalid-token", "Unauthorized", 401,
                "The Bearer token was refused: it is expired, issued in the future, or not signed by a trusted key"),
                "invalid_token");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of("forbidden", "Forbidden", 403,
                "The token's roles (groups claim) do not include the one this endpoint needs"));
    }

    /** Jackson's own mapper for this subtype would answer 400 with an empty body. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response batchTooLarge(BatchSpool.BatchTooLargeException e) {
        return respond(Problem.of("body-too-large", "Body too large", 413, e.getMessage()
                + "; split it into several batches (see coupon.batch.max-body)"));
    }

    @ServerExceptionMapper
    public Response clientGone(BatchSpool.ClientGoneException e) {
        LOG.debugf("client closed the connection mid-request: %s", e.getCause());
        return respond(Problem.of("incomplete-body", "Incomplete body", 400, e.getMessage()));
    }

    /**
     * A body that could not be read to its end (a multipart upload cut short, a connection closed mid-body): the
     * request is at fault, not the service.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e) {
        LOG.debugf("request body could not be read: %s", e);
        return respond(Problem.of("unreadable-body", "Unreadable body", 400,
                "The request body could not be read to its end: " + e.getMessage()));
    }

    /** The database behind the store, decision log and outcomes cannot be reached: worth retrying shortly. */
    @ServerExceptionMapper
    public Response storeUnavailable(dev.coupondecision.store.StoreException e) {
        LOG.warnf("store unavailable: %s", e.getMessage());
        return Response.fromResponse(respond(Problem.of("store-unavailable", "Store unavailable", 503,
                "The database of the ruleset store, decision log and outcomes could not be reached; retry shortly"
                        + " (a request that sends its contactHistory is decided without it)")))
                .header(HttpHeaders.RETRY_AFTER, "5").build();
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
                "The request could not be handled; the failure was logged"));
    }

    private static Response bearerChallenge(Problem problem, String error) {
        String challenge = "Bearer realm=\"coupon-decision\"" + (error == null ? "" : ", error=\"" + error + "\"");
        return Response.fromResponse(respond(problem)).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
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
