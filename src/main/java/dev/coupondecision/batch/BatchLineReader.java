package dev.coupondecision.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads batch input one request at a time without holding the batch in memory: NDJSON line by line
 * (whitespace-only lines are skipped but still counted), or the elements of a JSON array.
 */
public abstract sealed class BatchLineReader permits BatchLineReader.Ndjson, BatchLineReader.JsonArray {

    /** The next request, or null at the end of the input. */
    abstract BatchLine next() throws IOException;

    static BatchLineReader ndjson(InputStream in, int maxLineLength) {
        return new Ndjson(in, maxLineLength);
    }

    static BatchLineReader jsonArray(InputStream in, ObjectMapper json) throws IOException {
        return new JsonArray(in, json);
    }

    /** Line number of the last request returned, for error lines about the input itself. */
    abstract long lastNumber();

    static final class Ndjson extends BatchLineReader {
        private final BufferedReader reader;
        private final int maxLineLength;
        private long number;

        Ndjson(InputStream in, int maxLineLength) {
            this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
            this.maxLineLength = maxLineLength;
        }

        @Override
        BatchLine next() throws IOException {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    return line.length() > maxLineLength
                            ? BatchLine.unreadable(number, BatchLine.Unreadable.TOO_LONG, null)
                            : BatchLine.text(number, line);
                }
            }
            return null;
        }

        @Override
        long lastNumber() {
            return number;
        }
    }

    static final class JsonArray extends BatchLineReader {
        private final JsonParser parser;
        private final ObjectReader elements;
        private long number;

        JsonArray(InputStream in, ObjectMapper json) throws IOException {
            this.parser = json.getFactory().createParser(in);
            // each element is read on its own: the next element is not a "trailing token" of this one
            this.elements = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("a JSON batch must be an array of decision requests");
            }
        }

        @Override
        BatchLine next() throws IOException {
            if (parser.nextToken() == JsonToken.END_ARRAY || parser.currentToken() == null) {
                return null;
            }
            number++;
            return BatchLine.tree(number, elements.readTree(parser));
        }

        @Override
        long lastNumber() {
            return number;
        }
    }
}
