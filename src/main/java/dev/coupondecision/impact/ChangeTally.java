package dev.coupondecision.impact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the customers per kind of change (a key such as from and to) and keeps the first few customer ids
 * of each, in population order. Kinds come out most frequent first, ties in the order first seen.
 */
final class ChangeTally<K> {
    static final int EXAMPLES = 5;

    private final Map<K, Counted> counts = new LinkedHashMap<>();

    private static final class Counted {
        int count;
        final List<String> examples = new ArrayList<>(EXAMPLES);
    }

    void add(K kind, String customerId) {
        Counted counted = counts.computeIfAbsent(kind, k -> new Counted());
        counted.count++;
        if (counted.examples.size() < EXAMPLES) {
            counted.examples.add(customerId);
        }
    }

    /** One entry per kind, made by {@code entry} from the kind, its count and its example ids. */
    <T> List<T> entries(Entry<K, T> entry) {
        return counts.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<K, Counted> e) -> e.getValue().count).reversed())
                .map(e -> entry.make(e.getKey(), e.getValue().count, List.copyOf(e.getValue().examples)))
                .toList();
    }

    int total() {
        return counts.values().stream().mapToInt(c -> c.count).sum();
    }

    @FunctionalInterface
    interface Entry<K, T> {
        T make(K kind, int count, List<String> examples);
    }

    /** A from → to pair as a tally key. */
    record FromTo(String from, String to) {
    }
}
