package dev.coupondecision.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Single decisions are small, so {@code POST /decide} reads at most {@code coupon.decide-max-body} bytes, judged
 * before the body is read: from its Content-Length (413 when larger). A body without one (chunked, or streamed over
 * HTTP/2) is refused with 411, since its size could only be learnt by reading it. The global HTTP limit stays large
 * enough for batches, which read their own bodies with their own limit.
 */
@ApplicationScoped
public class DecideBodyLimit {
    private final long maxBytes;
    private final ObjectMapper json;

    public DecideBodyLimit(DecisionConfig config, ObjectMapper json) {
        this.maxBytes = config.decideMaxBody().asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.post("/decide").order(-1).handler(this::judgeLength);
    }

    private void judgeLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            refuse(context, Problem.of("length-required", "Length Required", 411, "POST /decide needs a Content-Length"
                    + " (a body of at most " + maxBytes + " bytes); send many customers to /decide/batch"));
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            refuse(context, Problem.of("bad-content-length", "Bad Content-Length", 400,
                    "Content-Length '" + length + "' is not a number"));
            return;
        }
        if (bytes > maxBytes) {
            refuse(context, Problem.of("body-too-large", "Body too large", 413,
                    "POST /decide accepts at most " + maxBytes + " bytes; send many customers to /decide/batch"));
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, Problem problem) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem is plain data and always serializes", e);
        }
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(body));
    }
}
