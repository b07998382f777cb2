package dev.coupondecision.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.coupondecision.config.JsonConfig;
import dev.coupondecision.decision.DecisionIds;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.facts.CampaignType;
import dev.coupondecision.decision.facts.CouponType;
import dev.coupondecision.decision.facts.SuppressionCode;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.InvalidRequestException;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.problem.Problem;
import dev.coupondecision.reference.ReferencePolicy;
import dev.coupondecision.ruleset.FiredRule;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The "floor": the least an HTTP server on this machine must do to answer POST /decide, to measure the service
 * against. A bare Vert.x HTTP server (one event loop per core, no framework, no security, no metrics) that reads
 * the same JSON body, parses and validates it with the service's {@link RequestParser}, decides with the
 * plain-Java {@link ReferencePolicy} and answers with a {@link DecisionResponse} of the same shape and about the
 * same size (a random decision id, the instants formatted in the customer's offset, suppression messages, and a
 * fired-rule list of the same length as the rules engine's), written by Jackson. Benchmark code only: it lives in
 * src/bench, which only the Maven profile "bench" compiles, and never in the service jar.
 *
 * <p>Differences from the service, on purpose: the Bearer token is required but not verified (no RS256 check),
 * there are no metrics, no role check, no RFC 7807 content negotiation, and requests are answered on the event
 * loop instead of a worker thread.
 *
 * <p>{@code java -cp <test classpath> dev.coupondecision.bench.FloorServer [port] [host]} (defaults 8091, 127.0.0.1).
 */
public final class FloorServer {
    private static final int MAX_BODY = 1024 * 1024;
    private static final String JSON_TYPE = "application/json";

    private FloorServer() {
    }

    /** A status and a body to send. */
    public record Reply(int status, String contentType, byte[] body) {
    }

    /** Everything but HTTP: bytes in, bytes out. Thread-safe. */
    public static final class Handler {
        private final RequestParser parser;
        private final ObjectWriter responseWriter;
        private final ObjectWriter problemWriter;

        public Handler(RequestParser parser, ObjectMapper json) {
            this.parser = parser;
            this.responseWriter = json.writerFor(DecisionResponse.class);
            this.problemWriter = json.writerFor(Problem.class);
        }

        public Reply handle(byte[] body) throws IOException {
            DecisionRequest request;
            try {
                request = parser.parse(body);
            } catch (InvalidRequestException e) {
                return new Reply(400, Problem.MEDIA_TYPE, problemWriter.writeValueAsBytes(Problem.invalidRequest(e.violations())));
            } catch (JsonProcessingException e) {
                return new Reply(400, Problem.MEDIA_TYPE, problemWriter.writeValueAsBytes(
                        Problem.of("malformed-json", "Malformed JSON", 400, e.getOriginalMessage())));
            }
            return new Reply(200, JSON_TYPE, responseWriter.writeValueAsBytes(respond(request)));
        }

        /** The reference decision as the service's response record. */
        public DecisionResponse respond(DecisionRequest request) {
            ReferencePolicy.Result r = ReferencePolicy.decide(request);
            ZoneId zone = r.zone();
            List<FiredRule> fired = new ArrayList<>(10);
            fired.add(new FiredRule("Tier " + r.tier(), "tiers.xlsx › Tiers › row " + (10 + r.tier().ordinal())));
            fired.add(new FiredRule("ApplyTier", "decision-flow.drl › ApplyTier"));
            DecisionResponse.Coupon coupon = null;
            if (r.couponType() != CouponType.NONE) {
                String validUntil = r.windowStart() == null || r.validHours() == null ? null
                        : r.format(r.windowStart().plus(java.time.Duration.ofHours(r.validHours())));
                coupon = new DecisionResponse.Coupon(r.couponType(), r.amountOff(), r.minSpend(), r.percentOff(),
                        r.validHours(), validUntil, r.category(), r.variant() == null ? null : "churned-offer", r.variant());
                fired.add(new FiredRule("Coupon " + r.couponType(), "coupons.xlsx › Coupons › row " + (10 + r.couponType().ordinal())));
            }
            fired.add(new FiredRule("Cap " + r.tier(), "frequency-caps.xlsx › FrequencyCaps › row " + (10 + r.tier().ordinal())));
            fired.add(new FiredRule("Weekday window " + r.tier(), "send-windows.xlsx › SendWindows › row 11"));
            fired.add(new FiredRule("Weekend window " + r.tier(), "send-windows.xlsx › SendWindows › row 12"));
            if (coupon != null) {
                fired.add(new FiredRule("CouponCategoryFromFavorite", "decision-flow.drl › CouponCategoryFromFavorite"));
            }
            List<DecisionResponse.SuppressionView> suppressions = new ArrayList<>(r.suppressions().size());
            for (ReferencePolicy.Suppression s : r.suppressions()) {
                suppressions.add(view(s, r, zone));
                String rule = "Suppress " + s.code() + (s.cap() == null ? "" : " " + s.cap());
                fired.add(new FiredRule(rule, "eligibility.drl › " + rule));
            }
            DecisionResponse.SendWindow window = r.windowStart() == null ? null
                    : new DecisionResponse.SendWindow(r.format(r.windowStart()), r.format(r.windowEnd()));
            return new DecisionResponse(DecisionIds.of(request, "reference000"), request.customerId(), r.format(request.asOf()),
                    "reference000", r.tier(), coupon, new DecisionResponse.FrequencyCap(r.capMax(), r.capPeriodDays()),
                    r.eligible(), suppressions, r.format(r.nextEligibleAt()), window, request.contactHistorySource(), fired);
        }

        private static DecisionResponse.SuppressionView view(ReferencePolicy.Suppression s, ReferencePolicy.Result r,
                                                             ZoneId zone) {
            String message;
            CampaignType type = null;
            if (s.code() == SuppressionCode.FREQUENCY_CAP) {
                type = "RECALL_TWO_IN_30_DAYS".equals(s.cap()) ? CampaignType.RECALL : null;
                String scope = (type == null ? "" : type + " ") + (s.count() == 1 ? "message" : "messages");
                message = "Frequency cap " + s.cap() + " reached: " + s.count() + " " + scope + " in the last "
                        + s.periodDays() + " days, at most " + s.maxMessages() + " allowed";
            } else if (s.code() == SuppressionCode.DUPLICATE_CAMPAIGN) {
                message = "Campaign " + s.campaignId() + " was already sent to this customer";
            } else if (s.code() == SuppressionCode.NO_OFFER) {
                message = "The coupon table assigns no offer to tier " + r.tier();
            } else if (s.code() == SuppressionCode.NO_CONSENT) {
                message = "Customer has not consented to SMS marketing";
            } else {
                message = "Customer has unsubscribed from SMS";
            }
            return new DecisionResponse.SuppressionView(s.code(), message, s.cap(), s.maxMessages(), s.periodDays(),
                    type, s.count(), ReferencePolicy.format(s.until(), zone), s.campaignId(), null);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        BenchLogging.quiet();
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8091;
        String host = args.length > 1 ? args[1] : "127.0.0.1";
        int loops = Runtime.getRuntime().availableProcessors();
        Handler handler = new Handler(new RequestParser(Clock.systemUTC(), ZoneId.of("Asia/Shanghai")),
                JsonConfig.configure(new ObjectMapper())); // the service's JSON settings
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        CountDownLatch listening = new CountDownLatch(1);
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                        .requestHandler(request -> serve(request, handler))
                        .listen();
            }
        }, new DeploymentOptions().setInstances(loops)).onComplete(done -> {
            if (done.failed()) {
                done.cause().printStackTrace();
                System.exit(1);
            }
            listening.countDown();
        });
        listening.await();
        System.out.println("floor server listening on http://" + host + ":" + port + " with " + loops + " event loops");
        Runtime.getRuntime().addShutdownHook(new Thread(vertx::close));
    }

    private static void serve(HttpServerRequest request, Handler handler) {
        if (request.method() != HttpMethod.POST || !"/decide".equals(request.path())) {
            request.response().setStatusCode(404).end();
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            request.response().setStatusCode(401).end();
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && Long.parseLong(length.trim()) > MAX_BODY) {
            request.response().setStatusCode(413).end();
            return;
        }
        request.body().onSuccess(body -> {
            try {
                Reply reply = handler.handle(body.getBytes());
                request.response().setStatusCode(reply.status())
                        .putHeader("Content-Type", reply.contentType())
                        .end(Buffer.buffer(reply.body()));
            } catch (IOException | RuntimeException e) {
                request.response().setStatusCode(500).end();
            }
        }).onFailure(e -> request.response().setStatusCode(400).end());
    }
}
