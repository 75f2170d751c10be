package com.nexo.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Server round-trip times per interaction (HdrHistogram, microseconds, up to a minute), interactions
 * done, and errors by reason with the first messages kept for the report. One recorder per measured
 * phase; users switch to the next one with {@link #open()}.
 */
final class Recorder {

    private static final long MAX_MICROS = 60_000_000L;
    private static final int KEPT_MESSAGES = 30;

    private final Map<String, Histogram> byInteraction = new ConcurrentHashMap<>();
    private final Histogram all = new ConcurrentHistogram(MAX_MICROS, 3);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
    private final LongAdder conflicts = new LongAdder();
    private volatile boolean open;
    private long openedAt;
    private long closedAt;

    void open() {
        openedAt = System.nanoTime();
        open = true;
    }

    void close() {
        open = false;
        closedAt = System.nanoTime();
    }

    boolean isOpen() {
        return open;
    }

    void record(String interaction, long nanos) {
        if (!open) {
            return;
        }
        long micros = Math.min(Math.max(1, nanos / 1_000), MAX_MICROS);
        byInteraction
                .computeIfAbsent(interaction, name -> new ConcurrentHistogram(MAX_MICROS, 3))
                .recordValue(micros);
        all.recordValue(micros);
    }

    /** Errors count whenever they happen, inside or outside the measured window: none may pass unseen. */
    void error(String user, LoadFailure failure) {
        errors.computeIfAbsent(failure.reason(), reason -> new LongAdder()).increment();
        if (messages.size() < KEPT_MESSAGES) {
            messages.add(user + ": " + failure.getMessage());
        }
    }

    /** Two users saved the same account at once: the app's conflict notice, not an error. */
    void conflict() {
        if (open) {
            conflicts.increment();
        }
    }

    long interactions() {
        return all.getTotalCount();
    }

    double seconds() {
        long end = open ? System.nanoTime() : closedAt;
        return (end - openedAt) / 1e9;
    }

    double perSecond() {
        return interactions() / Math.max(seconds(), 1e-9);
    }

    double percentileMillis(double percentile) {
        return all.getTotalCount() == 0 ? 0 : all.getValueAtPercentile(percentile) / 1000.0;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long conflicts() {
        return conflicts.sum();
    }

    Map<String, Long> errorsByReason() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((reason, count) -> counts.put(reason, count.sum()));
        return counts;
    }

    List<String> errorMessages() {
        return new ArrayList<>(messages);
    }

    /** Per interaction: count, p50, p95, p99 and max in milliseconds. */
    Map<String, double[]> perInteraction() {
        Map<String, double[]> table = new TreeMap<>();
        byInteraction.forEach((name, histogram) -> table.put(name, new double[] {
            histogram.getTotalCount(),
            histogram.getValueAtPercentile(50) / 1000.0,
            histogram.getValueAtPercentile(95) / 1000.0,
            histogram.getValueAtPercentile(99) / 1000.0,
            histogram.getMaxValue() / 1000.0
        }));
        return table;
    }
}
