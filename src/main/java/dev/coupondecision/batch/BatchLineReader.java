package dev.coupondecision.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads batch input one request at a time without holding the batch in memory: NDJSON line by line
 * (lines of only spaces and tabs are skipped but still counted), or the elements of a JSON array.
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

    /**
     * NDJSON as bytes, so that Jackson parses each line from its UTF-8 (bytes that are not UTF-8 make the line
     * malformed instead of being replaced). Lines end at LF, CR or CR LF, as {@code BufferedReader} counts them; a line
     * over the limit is skipped to its end without being kept.
     */
    static final class Ndjson extends BatchLineReader {
        private final InputStream in;
        private final int maxLineLength;
        private final byte[] chunk = new byte[64 * 1024];
        private int position;
        private int limit;
        private byte[] line = new byte[1024];
        private long number;
        /** The last line ended with CR: an LF right after it belongs to that line. */
        private boolean afterCr;

        Ndjson(InputStream in, int maxLineLength) {
            this.in = in;
            this.maxLineLength = maxLineLength;
        }

        @Override
        BatchLine next() throws IOException {
            while (true) {
                if (afterCr && peek() == '\n') {
                    position++;
                }
                afterCr = false;
                if (peek() < 0) {
                    return null;
                }
                int length = 0;
                boolean blank = true;
                boolean tooLong = false;
                int end = -1;
                while (end < 0 && peek() >= 0) {
                    int from = position;
                    while (position < limit && chunk[position] != '\n' && chunk[position] != '\r') {
                        byte b = chunk[position++];
                        blank &= b == ' ' || b == '\t';
                    }
                    int count = position - from;
                    if (!tooLong && length + count > maxLineLength) {
                        tooLong = true;
                    } else if (!tooLong) {
                        if (length + count > line.length) {
                            line = Arrays.copyOf(line, Math.max(length + count, Math.min(maxLineLength, line.length * 2)));
                        }
                        System.arraycopy(chunk, from, line, length, count);
                        length += count;
                    }
                    if (position < limit) {
                        end = chunk[position++];
                    }
                }
                afterCr = end == '\r';
                number++;
                if (!blank) {
                    return tooLong ? BatchLine.unreadable(number, BatchLine.Unreadable.TOO_LONG, null)
                            : BatchLine.json(number, Arrays.copyOf(line, length));
                }
            }
        }

        /** The next byte without taking it, reading a new chunk when needed; -1 at the end of the input. */
        private int peek() throws IOException {
            if (position == limit) {
                limit = in.read(chunk);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return chunk[position] & 0xff;
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
