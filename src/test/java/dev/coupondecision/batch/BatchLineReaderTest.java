package dev.coupondecision.batch;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NDJSON reader splits bytes into lines as {@link BufferedReader#readLine} splits text (LF, CR and CR LF; the line
 * numbers count skipped lines too), whatever sizes the input arrives in, and measures the limit in UTF-8 bytes.
 */
class BatchLineReaderTest {
    private static final String[] PIECES = {"{\"customerId\":\"c-1\"}", "x", "é", "顾客", "😀", " ", "\t", "\n", "\r", "\r\n",
            "\n\n", "\r\r\n", "   \n", "\u3000", "p".repeat(700)};

    @Test
    void splitsLinesAsBufferedReaderDoesOnRandomInputInRandomPieces() throws IOException {
        Random random = new Random(20261203);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(40);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            int maxBytes = 1 + random.nextInt(random.nextBoolean() ? 60 : 5000);
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(read(new Trickle(bytes, 1 + random.nextInt(7)), maxBytes))
                    .as("%s with at most %d bytes per line", text.toString().replace("\r", "\\r").replace("\n", "\\n"), maxBytes)
                    .isEqualTo(reference(text.toString(), maxBytes));
        }
    }

    @Test
    void keepsLongLinesWholeAcrossReadsAndSkipsOverlongOnesToTheirEnd() throws IOException {
        String longLine = "{\"customerId\":\"" + "y".repeat(200_000) + "\"}";
        String tooLong = "{\"customerId\":\"" + "z".repeat(300_000) + "\"}";
        String text = longLine + "\r\n" + tooLong + "\n\n" + "{}" + "\r" + "\n";
        List<String> lines = read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 262_144);
        assertThat(lines).containsExactly("1:" + longLine, "2:TOO_LONG", "4:{}");
    }

    @Test
    void limitsAreInBytesNotCharacters() throws IOException {
        // 3 characters, 9 bytes
        assertThat(read(new ByteArrayInputStream("顾客顾\n".getBytes(StandardCharsets.UTF_8)), 8)).containsExactly("1:TOO_LONG");
        assertThat(read(new ByteArrayInputStream("顾客顾\n".getBytes(StandardCharsets.UTF_8)), 9)).containsExactly("1:顾客顾");
    }

    @Test
    void keepsBytesThatAreNotUtf8AsTheyCameForTheParserToRefuse() throws IOException {
        byte[] bytes = {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}', '\n'};
        BatchLine line = BatchLineReader.ndjson(new ByteArrayInputStream(bytes), 100).next();
        assertThat(line.json()).containsExactly('{', '"', (byte) 0xff, (byte) 0xfe, '"', '}');
    }

    /** Line number and text of each line the reader returns, or its number and why it was not read. */
    private static List<String> read(InputStream in, int maxBytes) throws IOException {
        BatchLineReader reader = BatchLineReader.ndjson(in, maxBytes);
        List<String> lines = new ArrayList<>();
        for (BatchLine line = reader.next(); line != null; line = reader.next()) {
            lines.add(line.number() + ":" + (line.unreadable() != null ? line.unreadable().name()
                    : new String(line.json(), StandardCharsets.UTF_8)));
        }
        return lines;
    }

    private static List<String> reference(String text, int maxBytes) throws IOException {
        BufferedReader reader = new BufferedReader(new StringReader(text));
        List<String> lines = new ArrayList<>();
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (!line.chars().allMatch(c -> c == ' ' || c == '\t')) {
                lines.add(number + ":" + (line.getBytes(StandardCharsets.UTF_8).length > maxBytes ? "TOO_LONG" : line));
            }
        }
        return lines;
    }

    /** Hands out at most {@code most} bytes per read, as a network or a spool file may. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final int most;
        private int position;

        Trickle(byte[] bytes, int most) {
            this.bytes = bytes;
            this.most = most;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (position == bytes.length) {
                return -1;
            }
            int count = Math.min(Math.min(length, most), bytes.length - position);
            System.arraycopy(bytes, position, into, offset, count);
            position += count;
            return count;
        }
    }
}
