package com.nexo.base.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batch loop of the volume generators (sales.volume.InvoiceVolumeGenerator,
 * purchasing.volume.PurchaseOrderVolumeGenerator): the year checked unused and the tenant's
 * master data counted in one transaction, then documents 1 .. n written in transactions of a batch
 * each, with the time of each step of a batch printed (flat times from the first batch to the last
 * show that nothing grows with the load).
 */
public final class VolumeBatches {

    /** One batch: documents {@code from} .. {@code to} (1-based, inclusive); returns the lines written. */
    @FunctionalInterface
    public interface Batch {
        long write(int from, int to, Steps steps);
    }

    private VolumeBatches() {}

    /**
     * In one transaction: fails when {@code yearUsed} (a query of :year) answers true ("{@code what}
     * in {@code year} already"), otherwise returns the number of rows of each of {@code rows} (the
     * master data the documents draw from: each must have some, or {@code missing} is the failure).
     */
    public static long[] prepare(
            TransactionTemplate transactions,
            JdbcClient jdbc,
            String yearUsed,
            int year,
            String what,
            String missing,
            String... rows) {
        long[] counts = transactions.execute(status -> {
            if (jdbc.sql(yearUsed).param("year", year).query(Boolean.class).single()) {
                throw new IllegalStateException(what + " in " + year + " already");
            }
            long[] found = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                found[i] = jdbc.sql("SELECT count(*) FROM (" + rows[i] + ") r")
                        .query(Long.class)
                        .single();
            }
            return found;
        });
        for (long count : counts) {
            if (count == 0) {
                throw new IllegalStateException(missing);
            }
        }
        return counts;
    }

    /**
     * Documents 1 .. {@code total} in transactions of {@code batch}, each calling {@code work} and then
     * printing "{@code label} from-to: step n ms, ..."; {@code afterBatch} is called with the number of
     * documents written so far after each. Returns the sum of what the batches returned.
     */
    public static long run(
            TransactionTemplate transactions, int total, int batch, String label, Batch work, IntConsumer afterBatch) {
        long lines = 0;
        for (int from = 1; from <= total; from += batch) {
            int batchFrom = from;
            int batchTo = Math.min(total, from + batch - 1);
            lines += transactions.execute(status -> {
                Steps steps = new Steps();
                long written = work.write(batchFrom, batchTo, steps);
                System.out.printf(Locale.ROOT, "%s %d-%d: %s%n", label, batchFrom, batchTo, steps);
                return written;
            });
            afterBatch.accept(batchTo);
        }
        return lines;
    }

    /** The steps of a batch, each timed from the end of the previous one. */
    public static final class Steps {

        private final List<String> done = new ArrayList<>();
        private long last = System.nanoTime();

        /** Ends the step {@code name} (started when the previous one ended). */
        public void done(String name) {
            long now = System.nanoTime();
            done.add(name + " " + (now - last) / 1_000_000 + " ms");
            last = now;
        }

        @Override
        public String toString() {
            return String.join(", ", done);
        }
    }
}
