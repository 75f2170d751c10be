package com.nexo.cms.volume;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.volume.VolumeBenchmark;
import com.nexo.cms.search.CmsSearch;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CMS benchmark of issue 18 (not part of the normal build; see the README "CMS benchmarks"):
 * generates 100,000 items with texts in both languages in the demo tenant of the run's throw-away
 * database ({@link CmsVolumeGenerator}, a fifth of them documents with the text of their file), then
 * prints
 *
 * <ul>
 *   <li>the full-text search p50 / p95 through {@link CmsSearch} (target p95 &lt; 50 ms) for Spanish
 *       and English queries, as the demo content editor (everything), as an employee with the
 *       read-only role (published internal items) and as the demo client (its audience, by its
 *       role's policies);
 *   <li>the demo's public page {@code /p/demo/quienes-somos} over real HTTP on the test server's
 *       port, with a warm cache, p50 / p95 (target p95 &lt; 20 ms);
 *   <li>a {@code wrk -t2 -c32 -d20s} run against that page (target at least 500 requests per second).
 * </ul>
 *
 * <pre>./mvnw -B test -Dtest=CmsBenchmark -Dnexo.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true</pre>
 *
 * A database kept from an earlier run ({@code -Dnexo.db.name=nexo_cms_bench}: a name outside the
 * {@code nexo_test_} pattern is neither created afresh nor dropped) is measured again without
 * generating anew when it already holds a generated volume of at least that many items (it is migrated
 * as usual first, so a changed search is measured on the same content).
 *
 * <p>Sizes: -Dnexo.benchmark.items (100000), -Dnexo.benchmark.runs (30 measured runs after 3 warm-up runs
 * of each measurement); -Dnexo.benchmark.wrk (/usr/bin/wrk; "none" leaves it out).
 */
@NexoSpringTest
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class CmsBenchmark {

    private static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    private static final String PUBLIC_PAGE = "/p/demo/quienes-somos";

    /** Who searches: the demo content editor, an employee who only reads, and the demo client. */
    private static final List<String> SEARCHERS =
            List.of("contenidos@demo.nexo", "consulta@demo.nexo", "cliente@demo.nexo");

    /**
     * Queries of both languages: a common word (in about a third of the texts), two common words, a
     * phrase, a rare word (in about one text in 140) and a common with a rare one.
     */
    private static final List<String> QUERIES = List.of(
            "almacen",
            "facturas pendientes",
            "\"política de privacidad\"",
            "bacedi",
            "warehouse",
            "safety training",
            "invoices clotrelle");

    /** Runs before each measurement (not measured) and measured runs: fewer than VolumeBenchmark's. */
    private static final int WARM_UP = 3;

    private static final int RUNS = Integer.getInteger("nexo.benchmark.runs", 30);

    @LocalServerPort
    private int port;

    @Autowired
    private CmsVolumeGenerator generator;

    @Autowired
    private CmsSearch search;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private Flyway flyway;

    @Autowired
    private PlatformTransactionManager transactionManager;

    /** {@link #WARM_UP} runs of {@code work}, then the nanoseconds of each of {@link #RUNS} more. */
    private static long[] times(java.util.function.Supplier<?> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    @Test
    void measure() throws IOException, InterruptedException {
        int items = Integer.getInteger("nexo.benchmark.items", 100_000);
        long started = System.nanoTime();
        CmsVolumeGenerator.Volume volume = TenantContext.callAsSystem(
                DEMO_TENANT,
                null,
                () -> new TransactionTemplate(transactionManager)
                        .execute(status -> generator.existing(items).orElseGet(() -> generator.generate(items))));
        VolumeBenchmark.analyze(flyway, "cms_item, cms_item_text, cms_folder");
        System.out.printf(
                Locale.ROOT,
                "%nGenerated or found in %.1f s: %d items, %d texts, %d documents%n%n",
                (System.nanoTime() - started) / 1e9,
                volume.items(),
                volume.texts(),
                volume.documents());

        System.out.println("| measurement | p50 / p95 (ms) | hits |");
        System.out.println("|---|---|---|");
        for (String searcher : SEARCHERS) {
            VolumeBenchmark benchmark = new VolumeBenchmark(users, searcher);
            for (String query : QUERIES) {
                int hits =
                        benchmark.asUser(() -> search.search(query, null, 20)).size();
                String figures = benchmark.asUser(
                        () -> VolumeBenchmark.percentiles(times(() -> search.search(query, null, 20))));
                System.out.printf(Locale.ROOT, "| search \"%s\" as %s | %s | %d |%n", query, searcher, figures, hits);
            }
        }

        HttpClient http = HttpClient.newHttpClient();
        URI page = URI.create("http://localhost:" + port + PUBLIC_PAGE);
        HttpRequest request = HttpRequest.newBuilder(page)
                .header("Accept-Language", "es")
                .GET()
                .build();
        HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(first.statusCode()).as("GET %s", PUBLIC_PAGE).isEqualTo(200);
        long[] nanos = times(() -> {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                return response;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        System.out.printf(
                Locale.ROOT,
                "| public page %s over HTTP, warm cache (%d bytes, Cache-Control: %s) | %s | – |%n",
                PUBLIC_PAGE,
                first.body().length(),
                first.headers().firstValue("Cache-Control").orElse("none"),
                VolumeBenchmark.percentiles(nanos));

        String wrk = System.getProperty("nexo.benchmark.wrk", "/usr/bin/wrk");
        if (!wrk.equals("none")) {
            Process process = new ProcessBuilder(wrk, "-t2", "-c32", "-d20s", "--latency", page.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            System.out.println();
            System.out.println("wrk -t2 -c32 -d20s --latency " + page + ":");
            output.lines().forEach(line -> System.out.println("    " + line));
            assertThat(output).contains("Requests/sec");
        }
    }
}
