package dev.coupondecision.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A batch body, read to the end into a temporary file before any answer is written. Clients that send their whole
 * body before reading the answer (Python's urllib, Java's HttpURLConnection, many integration tools) would
 * otherwise deadlock with a server that streams answers while still reading; memory stays flat either way.
 */
public final class BatchSpool implements AutoCloseable {
    private final Path file;

    private BatchSpool(Path file) {
        this.file = file;
    }

    /**
     * Reads {@code body} into a new file in {@code dir}.
     *
     * @throws BatchTooLargeException when the body has more than {@code maxBytes} bytes (reading stops there)
     * @throws ClientGoneException    when the body cannot be read to its end (the client went away)
     */
    public static BatchSpool of(InputStream body, Path dir, long maxBytes) {
        Path file;
        try {
            Files.createDirectories(dir);
            file = Files.createTempFile(dir, "batch-", ".spool");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file in " + dir, e);
        }
        BatchSpool spool = new BatchSpool(file);
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = body.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    spool.close();
                    throw new BatchTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            spool.close();
            throw new ClientGoneException(e);
        }
        return spool;
    }

    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the spool file " + file, e);
        }
    }

    /** A batch body over the configured size. */
    public static final class BatchTooLargeException extends RuntimeException {
        private final long maxBytes;

        BatchTooLargeException(long maxBytes) {
            super("a batch body holds at most " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }

    /** The client closed its connection before its body arrived: nobody is left to answer. */
    public static final class ClientGoneException extends RuntimeException {
        ClientGoneException(IOException cause) {
            super("the client closed the connection before its batch arrived", cause);
        }
    }
}
