package com.nexo.base.pdf;

import com.nexo.base.documents.PrintedDocument;
import com.nexo.base.ui.Translations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: how long {@link DocumentPdf#render} takes for a 50-line invoice once the JVM is warm
 * (template and fonts loaded, code compiled). Run it with
 *
 * <pre>./mvnw -B test -Dtest=DocumentPdfBenchmark -Dnexo.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>The figures go to the console and to {@code target/pdf-benchmark.txt}; the target is under 300 ms.
 */
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class DocumentPdfBenchmark {

    private static final int WARM_UP = 30;
    private static final int RUNS = 50;

    @Test
    void fifty_line_invoice() throws Exception {
        DocumentPdf pdf = new DocumentPdf(new Translations());
        PrintedDocument invoice = SampleDocuments.invoice(50, Translations.SPANISH);
        for (int i = 0; i < WARM_UP; i++) {
            pdf.render(invoice);
        }
        long[] millis = new long[RUNS];
        int size = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            size = pdf.render(invoice).length;
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        String report = String.format(
                "PDF of a 50-line invoice, %d runs after %d warm-up (JDK %s, %d cores): median %d ms, p95 %d ms,"
                        + " max %d ms, %d KiB%n",
                RUNS,
                WARM_UP,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                millis[RUNS / 2],
                millis[(int) Math.ceil(RUNS * 0.95) - 1],
                millis[RUNS - 1],
                size / 1024);
        System.out.print(report);
        Files.writeString(Path.of("target", "pdf-benchmark.txt"), report);
    }
}
