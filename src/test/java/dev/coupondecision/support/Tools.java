package dev.coupondecision.support;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether a program the tests drive (python3, soffice, chromium, pg_ctl...) is installed on this machine. */
public final class Tools {

    private Tools() {
    }

    /** Whether {@code command} is found on the PATH. */
    public static boolean has(String command) {
        try {
            Process which = new ProcessBuilder("sh", "-c", "command -v " + command).redirectErrorStream(true).start();
            return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Where {@code command} is on the PATH. */
    public static String path(String command) {
        try {
            Process which = new ProcessBuilder("sh", "-c", "command -v " + command).start();
            String found = new String(which.getInputStream().readAllBytes()).strip();
            if (!which.waitFor(10, TimeUnit.SECONDS) || which.exitValue() != 0 || found.isEmpty()) {
                throw new IllegalStateException(command + " is not on the PATH");
            }
            return found;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** In CI every real component must be there: a missing one fails the run instead of skipping its tests. */
    public static boolean required() {
        return "true".equals(System.getenv("CI"));
    }
}
