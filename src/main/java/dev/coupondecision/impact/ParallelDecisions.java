package dev.coupondecision.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Maps a list on every core, keeping the order of the results, on the executor it is given (the service's
 * managed one; the command line's own). Not the common fork-join pool: its threads carry the system class
 * loader, through which Drools inside Quarkus would not find its services.
 */
final class ParallelDecisions {

    private ParallelDecisions() {
    }

    static <T, R> R[] map(List<T> items, Function<T, R> function, IntFunction<R[]> arrayOf, ExecutorService pool) {
        R[] results = arrayOf.apply(items.size());
        int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), items.size() / 1000));
        if (workers == 1) {
            fill(items, function, results, 0, items.size());
            return results;
        }
        try {
            List<Future<?>> chunks = new ArrayList<>(workers);
            int chunk = (items.size() + workers - 1) / workers;
            for (int from = 0; from < items.size(); from += chunk) {
                int start = from;
                int end = Math.min(items.size(), from + chunk);
                chunks.add(pool.submit(() -> fill(items, function, results, start, end)));
            }
            for (Future<?> future : chunks) {
                future.get();
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deciding the population", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private static <T, R> void fill(List<T> items, Function<T, R> function, R[] results, int from, int to) {
        for (int i = from; i < to; i++) {
            results[i] = function.apply(items.get(i));
        }
    }
}
