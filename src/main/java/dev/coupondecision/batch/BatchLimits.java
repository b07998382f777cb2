package dev.coupondecision.batch;

/** How much one batch may hold: lines, and bytes per line. */
public record BatchLimits(long maxLines, int maxLineLength) {
}
