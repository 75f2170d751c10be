package com.nexo.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.journeys.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WindowType;

/**
 * Heap per logged-in session with the accounts list open (issue 20), measured on the production jar
 * in a process of its own, as a user's browser reaches it (not inside a test's Spring context, whose
 * test beans and caches would blur the figure):
 *
 * <ol>
 *   <li>starts the jar ({@code -Dnexo.benchmark.jar}) with {@code -Xmx512m}, its own port and
 *       database, and waits for {@code /login};
 *   <li>in one headless Chromium, logs in sessions one per tab, each tab on its own loopback address
 *       (127.0.0.2, 127.0.0.3...), so that each has its own cookies and so its own HTTP session: the
 *       tab opens {@code /accounts}, is sent to the login page, logs in and lands on the list, and
 *       waits until the grid shows rows. The tabs stay open, as users' tabs would;
 *   <li>after some warm-up sessions (classes loaded, caches filled), forces a full GC and reads the
 *       live heap ({@code jcmd GC.class_histogram}, which collects first, and {@code GC.heap_info}),
 *       then again after each batch of sessions: the growth divided by the batch's sessions is the
 *       heap per session;
 *   <li>prints the classes that grew most between the first and the last reading, with their bytes
 *       per session, and how many UIs, login pages and account lists the server holds.
 * </ol>
 *
 * <pre>
 * ./mvnw -B -Pproduction -DskipTests package &amp;&amp; cp target/nexo-0.1.0-SNAPSHOT.jar /tmp/nexo.jar
 * ./mvnw -B test -Dtest=SessionMemoryBenchmark -Dnexo.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dnexo.benchmark.jar=/tmp/nexo.jar
 * </pre>
 *
 * Settings: {@code -Dnexo.benchmark.sessions} (sessions per batch, 25), {@code
 * -Dnexo.benchmark.batches} (4), {@code -Dnexo.benchmark.port} (18091), {@code -Dnexo.benchmark.db}
 * (nexo_session_memory), {@code -Dnexo.benchmark.user} (ventas@demo.nexo), {@code
 * -Dnexo.benchmark.limit-kib} (300; 0 only reports), {@code -Dnexo.benchmark.warm-up} (sessions
 * opened before the first reading, 10: the node's own caches, such as each pooled database
 * connection's prepared statements, fill while the first sessions log in), {@code
 * -Dnexo.benchmark.heap-dump} (a file for a heap dump at the end, for a closer look). The figures go
 * to {@code target/session-memory.txt} too.
 */
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class SessionMemoryBenchmark {

    private static final String PASSWORD = "Demo-2026!";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    /** A histogram line: {@code   12:   3456   789012  com.example.Name (module)}. */
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");

    /** Classes counted per reading, to show what a session keeps (one per UI, per view...). */
    private static final List<String> COUNTED = List.of(
            "com.vaadin.flow.server.VaadinSession",
            "com.vaadin.flow.component.UI",
            "com.nexo.security.ui.LoginView",
            "com.nexo.shell.ui.MainLayout",
            "com.nexo.accounts.ui.AccountListView",
            "com.vaadin.flow.dom.Element",
            "com.vaadin.flow.internal.StateNode");

    private final Path jar = Path.of(System.getProperty("nexo.benchmark.jar", "target/nexo-0.1.0-SNAPSHOT.jar"));
    private final int perBatch = Integer.getInteger("nexo.benchmark.sessions", 25);
    private final int batches = Integer.getInteger("nexo.benchmark.batches", 4);
    private final int port = Integer.getInteger("nexo.benchmark.port", 18091);
    private final String database = System.getProperty("nexo.benchmark.db", "nexo_session_memory");
    private final String user = System.getProperty("nexo.benchmark.user", "ventas@demo.nexo");
    private final int limitKib = Integer.getInteger("nexo.benchmark.limit-kib", 300);
    private final int warmUp = Integer.getInteger("nexo.benchmark.warm-up", 10);
    private final String heapDump = System.getProperty("nexo.benchmark.heap-dump", "");
    private final StringBuilder report = new StringBuilder();

    @Test
    void heap_per_session_with_the_accounts_list_open() throws Exception {
        assertThat(jar).as("the production jar (build it with -Pproduction)").isRegularFile();
        Path log = Path.of("target", "session-memory-server.log");
        Files.createDirectories(log.getParent());
        String xmx = System.getProperty("nexo.benchmark.xmx", "512m");
        line("server: %s, -Xmx%s, port %d, database %s, log %s", jar, xmx, port, database, log);
        try (ServerProcess server = ServerProcess.start(
                        jar.toAbsolutePath(),
                        port,
                        xmx,
                        // Its own records in Redis, apart from other instances' on the same Redis.
                        Map.of(
                                "NEXO_DB_NAME",
                                database,
                                "NEXO_SESSIONS_KEY_PREFIX",
                                "nexo-benchmark-" + port + ":sessions"),
                        log);
                Browser browser = Browser.start(Locale.forLanguageTag("es-ES"))) {
            line("server ready after %d s", server.awaitReady(START_TIMEOUT).toSeconds());
            Set<String> sessionIds = new HashSet<>();
            int opened = 0;
            for (int i = 0; i < warmUp; i++) {
                sessionIds.add(openSession(browser, opened++));
                if (i == 0) {
                    screenshots(browser, url(0, "/accounts"));
                }
            }
            Reading before = read(server, "after " + warmUp + " warm-up sessions");
            Reading previous = before;
            List<Double> perSession = new ArrayList<>();
            for (int batch = 1; batch <= batches; batch++) {
                Instant started = Instant.now();
                for (int i = 0; i < perBatch; i++) {
                    sessionIds.add(openSession(browser, opened++));
                }
                line(
                        "batch %d: %d sessions logged in with the accounts list open in %d s",
                        batch,
                        perBatch,
                        Duration.between(started, Instant.now()).toSeconds());
                Reading now = read(server, "after batch " + batch);
                double kib = (now.liveBytes() - previous.liveBytes()) / 1024.0 / perBatch;
                perSession.add(kib);
                line(
                        "batch %d: %.0f KiB live heap per session (heap used after GC: %.0f KiB per session)",
                        batch, kib, (now.usedKib() - previous.usedKib()) / (double) perBatch);
                previous = now;
            }
            assertThat(sessionIds).as("every tab has its own HTTP session").hasSize(opened);
            int measured = perBatch * batches;
            double overall = (previous.liveBytes() - before.liveBytes()) / 1024.0 / measured;
            line("");
            line(
                    "heap per session with the accounts list open: %.0f KiB (%d sessions, %d batches)",
                    overall, measured, batches);
            line("");
            histogramGrowth(before, previous, measured);
            Files.writeString(Path.of("target", "session-memory.txt"), report);
            if (!heapDump.isBlank()) {
                line(
                        "heap dump: %s",
                        server.jcmd("GC.heap_dump " + Path.of(heapDump).toAbsolutePath())
                                .trim());
            }
            if (limitKib > 0) {
                assertThat(overall)
                        .as("KiB of heap per session with the accounts list open")
                        .isLessThanOrEqualTo(limitKib);
            }
        }
    }

    // --- The server ------------------------------------------------------------------------------

    /** On 127.0.0.{n+2}: each address has its own cookies in the browser, so its own session. */
    private String url(int session, String path) {
        return "http://127.0.0." + (session + 2) + ":" + port + path;
    }

    // --- Sessions --------------------------------------------------------------------------------

    /** A new tab that asks for the accounts list, logs in and waits for its rows; its session id. */
    private String openSession(Browser browser, int session) {
        if (session > 0) {
            browser.driver().switchTo().newWindow(WindowType.TAB);
        }
        browser.open(url(session, "/accounts"));
        browser.waitUntil("the login page", () -> browser.currentPath().equals("/login"));
        browser.submitLoginForm(user, PASSWORD);
        browser.waitUntil("the accounts list", () -> browser.currentPath().equals("/accounts"));
        browser.waitForVaadin();
        browser.waitUntil("rows in the accounts list", () -> Boolean.TRUE.equals(browser.script("""
                        return [...document.querySelectorAll('vaadin-grid-cell-content')]
                            .filter(cell => cell.textContent.trim().length > 0).length > 20;
                        """)));
        Cookie cookie = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(cookie).as("session cookie of tab " + session).isNotNull();
        return cookie.getValue();
    }

    /**
     * How the list looks, to compare with another build's (target/screenshots/): opened at each size,
     * as a user of such a screen opens it (a window resized under an open list keeps the column widths
     * it was first drawn with).
     */
    private void screenshots(Browser browser, String list) {
        browser.tablet();
        browser.open(list);
        browser.settle();
        line("screenshot: %s", browser.screenshot("session-memory-accounts-768x1024"));
        browser.desktop();
        browser.open(list);
        browser.settle();
        line("screenshot: %s", browser.screenshot("session-memory-accounts-1280x800"));
    }

    // --- Readings --------------------------------------------------------------------------------

    private record Reading(long liveBytes, long usedKib, Map<String, long[]> classes) {}

    private Reading read(ServerProcess server, String when) throws IOException, InterruptedException {
        long usedKib = server.heapAfterGcKiB();
        // The histogram (without -all) collects the whole heap first: what it counts is live.
        Map<String, long[]> classes = new HashMap<>();
        long live = 0;
        for (String row : server.jcmd("GC.class_histogram").split("\n")) {
            Matcher matcher = HISTOGRAM_LINE.matcher(row);
            if (matcher.find()) {
                classes.merge(
                        matcher.group(3),
                        new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                continue;
            }
            Matcher total = HISTOGRAM_TOTAL.matcher(row.trim());
            if (total.find()) {
                live = Long.parseLong(total.group(2));
            }
        }
        StringBuilder counts = new StringBuilder();
        for (String name : COUNTED) {
            long[] count = classes.getOrDefault(name, new long[2]);
            counts.append(' ')
                    .append(name.substring(name.lastIndexOf('.') + 1))
                    .append('=')
                    .append(count[0]);
        }
        line("%s: live heap %d KiB, heap used after GC %d KiB;%s", when, live / 1024, usedKib, counts);
        return new Reading(live, usedKib, classes);
    }

    private void histogramGrowth(Reading before, Reading after, int sessions) {
        record Growth(String name, long instances, long bytes) {}
        List<Growth> growth = new ArrayList<>();
        after.classes().forEach((name, count) -> {
            long[] earlier = before.classes().getOrDefault(name, new long[2]);
            growth.add(new Growth(name, count[0] - earlier[0], count[1] - earlier[1]));
        });
        growth.sort(Comparator.comparingLong(Growth::bytes).reversed());
        line("classes that grew most (per session: instances, bytes):");
        for (Growth g : growth.subList(0, Math.min(40, growth.size()))) {
            line("%10.1f %10.0f  %s", g.instances() / (double) sessions, g.bytes() / (double) sessions, g.name());
        }
    }

    private void line(String format, Object... arguments) {
        String text = arguments.length == 0 ? format : String.format(Locale.ROOT, format, arguments);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
