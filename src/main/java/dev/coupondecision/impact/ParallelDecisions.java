package dev.coupondecision.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Maps a list on every core, keeping the order of the results. The threads are made by the calling thread,
 * so they inherit its context class loader: Drools finds its services through it, and the common fork-join
 * pool's threads carry the system class loader instead, which inside Quarkus is the wrong one.
 */
final class ParallelDecisions {

    private ParallelDecisions() {
    }

    static <T, R> R[] map(List<T> items, Function<T, R> function, IntFunction<R[]> arrayOf) {
        R[] results = arrayOf.apply(items.size());
        int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), items.size() / 1000));
        if (workers == 1) {
            fill(items, function, results, 0, items.size());
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "impact-decisions");
            thread.setDaemon(true);
            return thread;
        });
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
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T, R> void fill(List<T> items, Function<T, R> function, R[] results, int from, int to) {
        for (int i = from; i < to; i++) {
            results[i] = function.apply(items.get(i));
        }
    }
}
