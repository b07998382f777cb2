package dev.coupondecision.batch;

/** How much one batch may hold: lines, and characters per line. */
public record BatchLimits(long maxLines, int maxLineLength) {
}
