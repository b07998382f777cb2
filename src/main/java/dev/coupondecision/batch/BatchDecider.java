package dev.coupondecision.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.coupondecision.decision.DecisionMetrics;
import dev.coupondecision.decision.DecisionResponse;
import dev.coupondecision.decision.DecisionService;
import dev.coupondecision.decision.request.DecisionRequest;
import dev.coupondecision.decision.request.InvalidRequestException;
import dev.coupondecision.decision.request.RequestParser;
import dev.coupondecision.problem.Problem;
import dev.coupondecision.ruleset.CompiledRuleset;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Decides a batch as a stream: requests are read a chunk at a time, chunks are decided in parallel on all
 * cores, and results are written back in input order as soon as they are ready, so memory stays flat
 * whatever the batch size. One ruleset version decides the whole batch.
 */
public class BatchDecider {
    private static final Logger LOG = Logger.getLogger(BatchDecider.class);
    static final int CHUNK_SIZE = 256;

    /**
     * One output line: a decision, or the problem with that input line; the customer id whenever the line named
     * one, so that a CRM can match an error to its customer without counting lines.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"line", "customerId", "rulesetVersion", "decision", "error"})
    @Schema(name = "BatchResultLine", description = "One line of a batch answer: the decision for one input line, or"
            + " the problem with it (exactly one of decision and error is present)",
            requiredProperties = {"line", "rulesetVersion"})
    public record Result(
            @Schema(description = "The input line (or array element) it answers, counting from 1", example = "1") long line,
            @Schema(description = "The input's customerId, when it could be read") String customerId,
            @Schema(description = "The ruleset version that decided the whole batch") String rulesetVersion,
            DecisionResponse decision,
            Problem error) {
    }

    private final ObjectMapper json;
    private final ObjectWriter lineWriter;
    private final RequestParser parser;
    private final DecisionService decisions;
    private final DecisionMetrics metrics;
    private final ExecutorService pool;
    private final int maxInFlight;
    private final BatchLimits limits;

    public BatchDecider(ObjectMapper json, RequestParser parser, DecisionService decisions, DecisionMetrics metrics,
                        ExecutorService pool, int threads, BatchLimits limits) {
        this.json = json;
        this.lineWriter = json.writerFor(Result.class);
        this.parser = parser;
        this.decisions = decisions;
        this.metrics = metrics;
        this.pool = pool;
        this.maxInFlight = threads * 2;
        this.limits = limits;
    }

    public BatchLineReader ndjsonReader(InputStream in) {
        return BatchLineReader.ndjson(in, limits.maxLineLength());
    }

    /** @throws IOException when the input does not start a JSON array */
    public BatchLineReader jsonArrayReader(InputStream in) throws IOException {
        return BatchLineReader.jsonArray(in, json);
    }

    /** @return the number of requests read */
    public long decide(BatchLineReader reader, OutputStream out, CompiledRuleset ruleset) throws IOException {
        ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
        List<BatchLine> chunk = new ArrayList<>(CHUNK_SIZE);
        long count = 0;
        try {
            BatchLine line;
            while ((line = reader.next()) != null) {
                if (++count > limits.maxLines()) {
                    chunk.add(BatchLine.unreadable(line.number(), BatchLine.Unreadable.OVER_LIMIT, null));
                    break;
                }
                chunk.add(line);
                if (chunk.size() == CHUNK_SIZE) {
                    inFlight.add(submit(chunk, ruleset));
                    chunk = new ArrayList<>(CHUNK_SIZE);
                    writeReady(inFlight, out, maxInFlight);
                }
            }
        } catch (IOException e) {
            chunk.add(BatchLine.unreadable(reader.lastNumber() + 1, BatchLine.Unreadable.MALFORMED_INPUT, e.getMessage()));
        }
        inFlight.add(submit(chunk, ruleset));
        writeReady(inFlight, out, 0);
        out.flush();
        metrics.batchSize(Math.min(count, limits.maxLines()));
        return count;
    }

    private Future<byte[]> submit(List<BatchLine> chunk, CompiledRuleset ruleset) {
        return pool.submit(() -> decideChunk(chunk, ruleset));
    }

    private void writeReady(ArrayDeque<Future<byte[]>> inFlight, OutputStream out, int keep) throws IOException {
        while (inFlight.size() > keep || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
            try {
                out.write(inFlight.poll().get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("batch interrupted", e);
            } catch (ExecutionException e) {
                throw new IOException("batch chunk failed", e.getCause());
            }
        }
    }

    private byte[] decideChunk(List<BatchLine> lines, CompiledRuleset ruleset) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(lines.size() * 1024);
        try {
            for (BatchLine line : lines) {
                lineWriter.writeValue(buffer, decideLine(line, ruleset));
                buffer.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private Result decideLine(BatchLine line, CompiledRuleset ruleset) {
        String version = ruleset.version();
        if (line.unreadable() != null) {
            return new Result(line.number(), null, version, null, unreadable(line));
        }
        DecisionRequest request = null;
        try {
            request = line.tree() != null ? parser.parse(line.tree()) : parser.parse(line.json());
            return new Result(line.number(), request.customerId(), version, decisions.decideOn(request, ruleset), null);
        } catch (InvalidRequestException e) {
            return new Result(line.number(), e.customerId(), version, null, Problem.invalidRequest(e.violations()));
        } catch (IOException e) {
            return new Result(line.number(), null, version, null, Problem.of("malformed-json", "Malformed JSON", 400,
                    "line " + line.number() + " is not valid JSON: "
                            + (e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage())));
        } catch (RuntimeException e) {
            // a line that cannot be decided becomes its own error line; the rest of the batch is decided
            LOG.errorf(e, "line %d of a batch could not be decided on ruleset %s", line.number(), version);
            return new Result(line.number(), request == null ? null : request.customerId(), version, null,
                    Problem.of("decision-failed", "Decision failed", 500,
                            "this line could not be decided; the failure was logged"));
        }
    }

    private Problem unreadable(BatchLine line) {
        return switch (line.unreadable()) {
            case TOO_LONG -> Problem.of("line-too-long", "Line too long", 400,
                    "a batch line holds at most " + limits.maxLineLength() + " bytes");
            case OVER_LIMIT -> Problem.of("batch-too-large", "Batch too large", 413,
                    "a batch holds at most " + limits.maxLines() + " requests; this and later lines were not read");
            case MALFORMED_INPUT -> Problem.of("malformed-json", "Malformed JSON", 400,
                    "the batch could not be read past this point: " + line.detail());
        };
    }
}
