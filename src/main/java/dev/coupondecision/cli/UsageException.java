package dev.coupondecision.cli;

/** A command line the tool cannot run: unknown command or option, missing value, missing directory. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
