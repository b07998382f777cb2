package dev.coupondecision.activation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coupondecision.tables.RulesetCopy;
import dev.coupondecision.tables.TableEdit;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import dev.coupondecision.support.TestTokens;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.coupondecision.activation.RunningService.DORMANT_CUSTOMER;
import static dev.coupondecision.activation.RunningService.awaitActive;
import static dev.coupondecision.activation.RunningService.restoreShippedRules;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swaps between two valid versions (DORMANT amount 30 and 35) while four clients decide without pause: no
 * request may fail, and every answer must carry the coupon of the version it names.
 */
@QuarkusTest
@TestProfile(HotReloadProfile.class)
class ConcurrentSwapTest {
    private static final int CLIENTS = 4;
    private static final Duration DECIDING = Duration.ofSeconds(3);
    private static final int MIN_SWAPS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/decide")
    URI decide;

    record Answer(int status, String version, BigDecimal amount, String error) {
    }

    @Test
    void everyDecisionMatchesTheVersionItNamesWhileVersionsSwap() throws Exception {
        RulesetCopy copy = RunningService.ruleFiles();
        Map<String, BigDecimal> amountByVersion = new ConcurrentHashMap<>();
        amountByVersion.put(restoreShippedRules(copy), new BigDecimal("30"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Answer>>> results = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            results.add(clients.submit(() -> decideUntilStopped(http, running)));
        }

        int swaps = 0;
        long start = System.nanoTime();
        try {
            while (swaps < MIN_SWAPS || System.nanoTime() - start < DECIDING.toNanos()) {
                BigDecimal amount = new BigDecimal(swaps % 2 == 0 ? "35" : "30");
                TableEdit.edit(copy.table("coupons.xlsx"), t -> t.set("G19", amount));
                String version = copy.files().version();
                RunningService.reload();
                awaitActive(version);
                amountByVersion.put(version, amount);
                swaps++;
                assertThat(System.nanoTime() - start).as("swaps take too long").isLessThan(Duration.ofMinutes(2).toNanos());
            }
        } finally {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        List<Answer> answers = new ArrayList<>();
        for (Future<List<Answer>> result : results) {
            answers.addAll(result.get());
        }
        System.out.printf("concurrent swap: %d swaps, %d decisions by %d clients, %d versions served%n", swaps,
                answers.size(), CLIENTS, answers.stream().map(Answer::version).distinct().count());
        assertThat(swaps).isGreaterThanOrEqualTo(MIN_SWAPS);
        assertThat(answers).as("decisions made while swapping").hasSizeGreaterThan(CLIENTS * 10);
        assertThat(answers).filteredOn(a -> a.status() != 200 || a.error() != null).as("failed requests").isEmpty();
        assertThat(answers).allSatisfy(answer -> {
            assertThat(amountByVersion).as("version %s was activated", answer.version()).containsKey(answer.version());
            assertThat(answer.amount()).as("coupon of version %s", answer.version())
                    .isEqualByComparingTo(amountByVersion.get(answer.version()));
        });
        assertThat(answers.stream().map(Answer::amount).map(BigDecimal::stripTrailingZeros).distinct())
                .as("both amounts were served").hasSize(2);
        assertThat(answers.stream().map(Answer::version).distinct().count()).as("versions served").isGreaterThanOrEqualTo(2);
    }

    private List<Answer> decideUntilStopped(HttpClient http, AtomicBoolean running) {
        List<Answer> answers = new ArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(decide).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.crm())
                .POST(HttpRequest.BodyPublishers.ofString(DORMANT_CUSTOMER)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (running.get() && System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    answers.add(new Answer(response.statusCode(), null, null, response.body()));
                    continue;
                }
                JsonNode body = JSON.readTree(response.body());
                answers.add(new Answer(200, body.get("rulesetVersion").asText(), body.at("/coupon/amountOff").decimalValue(), null));
            } catch (Exception e) {
                answers.add(new Answer(0, null, null, e.toString()));
            }
        }
        return answers;
    }
}
