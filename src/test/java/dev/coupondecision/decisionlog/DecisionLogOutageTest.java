package dev.coupondecision.decisionlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.ReferenceRuleset;
import dev.coupondecision.config.DecisionConfig;
import dev.coupondecision.decision.Decider;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.support.PostgresServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision log against a real PostgreSQL that goes down and comes back: decisions keep being taken while the
 * backlog grows (metric), the backlog is written when the database returns, nothing past the bound is kept (and it is
 * counted), and a graceful stop writes what is queued.
 */
class DecisionLogOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestParser PARSER = new RequestParser(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));

    private PostgresServer server;
    private DecisionLog log;

    @AfterEach
    void stopWriter() {
        if (log != null) {
            log.stop(null);
        }
    }

    @Test
    void theBacklogIsWrittenWhenTheDatabaseReturnsAndAGracefulStopWritesTheRest() throws Exception {
        server = PostgresServer.own();
        DataSource dataSource = LoopDatabase.migrate(LoopDatabase.postgres(server));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        log = new DecisionLog(config(1000), new DecisionLogStore(dataSource), JSON, metrics);
        log.start(null);

        record(0, 10);
        assertThat(log.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(rows(dataSource)).isEqualTo(10);

        server.stop();
        record(10, 50);
        assertThat(log.flush(Duration.ofSeconds(2))).as("nothing can be written while the database is down").isFalse();
        assertThat(metrics.get("coupon.decision.log.backlog").gauge().value()).isEqualTo(40.0);
        assertThat(metrics.get("coupon.decision.log.write.failures").counter().count()).isPositive();

        server.restart();
        assertThat(log.flush(Duration.ofSeconds(60))).isTrue();
        assertThat(rows(dataSource)).isEqualTo(50);
        assertThat(metrics.get("coupon.decision.log.backlog").gauge().value()).isZero();

        record(50, 70);
        log.stop(null);
        log = null;
        assertThat(rows(dataSource)).as("a graceful stop writes the queued decisions").isEqualTo(70);
        assertThat(metrics.get("coupon.decision.log.dropped").counter().count()).isZero();
    }

    @Test
    void pastTheBoundDecisionsAreAnsweredButNotLoggedAndCounted() throws Exception {
        server = PostgresServer.own();
        DataSource dataSource = LoopDatabase.migrate(LoopDatabase.postgres(server));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        log = new DecisionLog(config(5), new DecisionLogStore(dataSource), JSON, metrics);
        server.stop();
        log.start(null);
        record(0, 20); // at most 5 queued and 5 more in the writer's hands
        assertThat(metrics.get("coupon.decision.log.dropped").counter().count()).isBetween(10.0, 15.0);
        server.restart();
        assertThat(log.flush(Duration.ofSeconds(60))).isTrue();
        assertThat(rows(dataSource) + (long) metrics.get("coupon.decision.log.dropped").counter().count()).isEqualTo(20);
    }

    private void record(int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            DecisionRequest request = PARSER.parse(JSON.readTree("""
                    {"customerId": "out-%d", "asOf": "2026-11-18T12:00:00+08:00", "smsConsent": true, "orderCount": 0,
                     "campaign": {"id": "outage"}}""".formatted(i)));
            DecisionResponse response = Decider.decide(request, ReferenceRuleset.get());
            log.decided(Instant.now(), request, response);
        }
    }

    private static long rows(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM decision_log")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static DecisionConfig.Log config(int backlogLimit) {
        return new DecisionConfig.Log() {
            public boolean enabled() { return true; }
            public boolean storeRequests() { return true; }
            public Duration retention() { return Duration.ofDays(400); }
            public int backlogLimit() { return backlogLimit; }
            public int batchSize() { return 5; }
            public Duration historyWindow() { return Duration.ofDays(90); }
            public Duration drainTimeout() { return Duration.ofSeconds(30); }
        };
    }
}
