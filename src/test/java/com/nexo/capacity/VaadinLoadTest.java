package com.nexo.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Capacity of one node under simulated employees speaking Vaadin's HTTP protocol (see
 * {@link VaadinClient}), stepped up through {@code nexo.load.users}: for each step, users are added
 * gradually, a steady phase is measured, and a row is printed and written to
 * {@code target/load-test.md}. The server is the production jar in a JVM of its own (no Spring
 * context in this one); its CPU and memory are read from outside, the load client's CPU separately.
 *
 * <p>Fails when any simulated user met an error. Run from the README's "Capacity (load test)".
 */
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class VaadinLoadTest {

    private static final String DEMO_SALES_USER = "ventas@demo.nexo";

    private final List<Integer> steps = Arrays.stream(
                    setting("users", "50,100,200").split(","))
            .map(String::strip)
            .map(Integer::parseInt)
            .toList();
    private final Duration steady = Duration.ofSeconds(Long.parseLong(setting("seconds", "90")));
    private final Duration ramp = Duration.ofSeconds(Long.parseLong(setting("ramp-seconds", "30")));
    private final Duration warmUp = Duration.ofSeconds(Long.parseLong(setting("warmup-seconds", "30")));
    private final Duration thinkMin = Duration.ofMillis(Long.parseLong(setting("think-min-ms", "3000")));
    private final Duration thinkMax = Duration.ofMillis(Long.parseLong(setting("think-max-ms", "8000")));
    private final double untilP95 = Double.parseDouble(setting("until-p95-ms", "0"));
    private final int stepSize = Integer.parseInt(setting("step", "50"));
    private final int maxUsers = Integer.parseInt(setting("max-users", "600"));
    private final String database = setting("db", "nexo_load");
    private final String adminUrl = setting("db-admin-url", "jdbc:postgresql://127.0.0.1:5432/");
    private final String adminUser = setting("db-admin-user", "postgres");
    private final String password = setting("password", "Demo-2026!");

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http = VaadinClient.sharedHttpClient(threads);
    private final List<LoadUser> users = new ArrayList<>();
    private final List<Future<?>> running = new ArrayList<>();
    private final List<String> report = new ArrayList<>();

    @Test
    void oneNodeCarriesSteppedUpUsersWithoutErrors() throws Exception {
        Path jar = Path.of(setting("jar", "target/nexo-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(jar).as("the production jar (build it with -Pproduction)").exists();
        int lastUsers = untilP95 > 0 ? maxUsers : steps.getLast();
        dropDatabase();
        Files.deleteIfExists(Path.of("target/load-test.log"));
        Path log = Path.of("target/load-test-server.log");
        try (ServerProcess server = ServerProcess.start(
                jar,
                Integer.parseInt(setting("port", "18490")),
                setting("heap", "512m"),
                Map.of(
                        "NEXO_DB_NAME",
                        database,
                        "NEXO_SESSIONS_STORE",
                        setting("sessions-store", "redis"),
                        "NEXO_SESSIONS_KEY_PREFIX",
                        "nexo-load:sessions"),
                log)) {
            Duration started = server.awaitReady(Duration.ofMinutes(10));
            print("Server pid %d ready after %.0f s (%.1f CPU-s); log in %s"
                    .formatted(server.pid(), started.toMillis() / 1000.0, server.cpuSeconds(), log));
            createUsers(lastUsers);
            Recorder total = new Recorder();
            total.open();
            warmUp(server.base(), total);
            long idleHeap = server.heapAfterGcKiB();
            print("Heap after GC with no session: %.1f MiB".formatted(idleHeap / 1024.0));
            List<String> rows = new ArrayList<>();
            List<long[]> heaps = new ArrayList<>();
            List<String> perInteraction = new ArrayList<>();
            Integer knee = null;
            int target = steps.getFirst();
            for (int step = 0; ; step++) {
                addUsers(server.base(), target, total);
                Recorder phase = new Recorder();
                users.forEach(user -> user.recordTo(phase));
                double serverCpu = server.cpuSeconds();
                double databaseCpu = ServerProcess.databaseCpuSeconds(database);
                double clientCpu = clientCpuSeconds();
                phase.open();
                Thread.sleep(steady);
                phase.close();
                double serverCores = (server.cpuSeconds() - serverCpu) / phase.seconds();
                double clientCores = (clientCpuSeconds() - clientCpu) / phase.seconds();
                // Backends that ended during the phase drop out: a lower bound.
                double databaseCores =
                        Math.max(0, ServerProcess.databaseCpuSeconds(database) - databaseCpu) / phase.seconds();
                long heap = server.heapAfterGcKiB();
                double rss = server.rssMiB();
                String row = "| %d | %.1f | %.0f | %.0f | %.0f | %d | %d | %.2f | %.2f | %.2f | %.0f | %.0f | %.0f"
                        .formatted(
                                target,
                                phase.perSecond(),
                                phase.percentileMillis(50),
                                phase.percentileMillis(95),
                                phase.percentileMillis(99),
                                phase.errorCount(),
                                phase.conflicts(),
                                serverCores,
                                databaseCores,
                                clientCores,
                                heap / 1024.0,
                                rss,
                                (heap - idleHeap) / (double) target);
                rows.add(row);
                heaps.add(new long[] {target, heap});
                print(row + " | " + loadAverage() + " |");
                int stepUsers = target;
                phase.perInteraction()
                        .forEach((name, figures) -> perInteraction.add("| %d | %s | %.0f | %.0f | %.0f | %.0f | %.0f |"
                                .formatted(
                                        stepUsers, name, figures[0], figures[1], figures[2], figures[3], figures[4])));
                if (phase.errorCount() > 0) {
                    print("Errors: " + phase.errorsByReason() + "\n  " + String.join("\n  ", phase.errorMessages()));
                }
                if (untilP95 > 0) {
                    if (phase.percentileMillis(95) > untilP95) {
                        knee = target;
                        break;
                    }
                    if (target + stepSize > maxUsers) {
                        break;
                    }
                    target = step + 1 < steps.size() ? steps.get(step + 1) : target + stepSize;
                } else if (step + 1 < steps.size()) {
                    target = steps.get(step + 1);
                } else {
                    break;
                }
            }
            // Every user leaves its work for the accounts list and stays there: the heap of sessions
            // with a list open, the figure the memory target is about.
            int parkedUsers = users.size();
            CountDownLatch parked = new CountDownLatch(parkedUsers);
            users.forEach(user -> user.park(parked));
            boolean allParked = parked.await(3, TimeUnit.MINUTES);
            long onList = server.heapAfterGcKiB();
            print("Heap after GC with the %d users on the accounts list%s: %.1f MiB"
                    .formatted(parkedUsers, allParked ? "" : " (not all got there)", onList / 1024.0));
            stopUsers();
            total.close();
            // What the sessions held, apart from what grew meanwhile with them gone too (caches of
            // queries, compiled templates, pools): the heap once every user has logged out.
            long afterLogout = server.heapAfterGcKiB();
            print("Heap after GC once every user logged out: %.1f MiB".formatted(afterLogout / 1024.0));
            report.add(
                    "| users | interactions/s | p50 ms | p95 ms | p99 ms | errors | save conflicts | server CPU cores"
                            + " | database CPU cores | client CPU cores | heap after GC MiB | RSS MiB"
                            + " | heap per session KiB, over the idle start | heap per session KiB, over the heap after logout |");
            report.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (int i = 0; i < rows.size(); i++) {
                long[] step = heaps.get(i);
                report.add(rows.get(i) + " | %.0f |".formatted((step[1] - afterLogout) / (double) step[0]));
            }
            report.add("");
            report.add(
                    "Heap after GC: %.1f MiB with no session after the warm-up, %.1f MiB once every user had logged out."
                            .formatted(idleHeap / 1024.0, afterLogout / 1024.0));
            report.add("");
            report.add(
                    ("With all %d users idle on the accounts list: heap after GC %.1f MiB, %.0f KiB per session over the"
                                    + " heap after logout%s.")
                            .formatted(
                                    parkedUsers,
                                    onList / 1024.0,
                                    (onList - afterLogout) / (double) parkedUsers,
                                    allParked ? "" : " (not all users got there in 3 minutes)"));
            report.add("");
            report.add("| users | interaction | count | p50 ms | p95 ms | p99 ms | max ms |");
            report.add("|---|---|---|---|---|---|---|");
            report.addAll(perInteraction);
            if (untilP95 > 0) {
                report.add("");
                report.add(
                        knee == null
                                ? "p95 stayed at or under %.0f ms up to %d users.".formatted(untilP95, target)
                                : "p95 passed %.0f ms at %d users.".formatted(untilP95, knee));
            }
            report.add("");
            report.add(
                    "Think time %d-%d ms, steady phase %d s, ramp %d s, heap %s, %d CPUs; errors in the whole run: %s"
                            .formatted(
                                    thinkMin.toMillis(),
                                    thinkMax.toMillis(),
                                    steady.toSeconds(),
                                    ramp.toSeconds(),
                                    setting("heap", "512m"),
                                    Runtime.getRuntime().availableProcessors(),
                                    total.errorsByReason()));
            writeReport();
            assertThat(total.errorsByReason())
                    .as("errors of simulated users: %s", total.errorMessages())
                    .isEmpty();
        } finally {
            stopUsers();
            threads.shutdownNow();
            if (!Boolean.parseBoolean(setting("keep-db", "false"))) {
                dropDatabase();
            }
        }
    }

    /** A few users for a while, so that the measured steps meet compiled code and warm caches. */
    private void warmUp(URI base, Recorder total) throws InterruptedException {
        if (warmUp.isZero()) {
            return;
        }
        addUsers(base, Math.min(5, steps.getFirst()), total);
        Thread.sleep(warmUp);
        stopUsers();
        print("Warm-up done: %d interactions, errors %s".formatted(total.interactions(), total.errorsByReason()));
    }

    /** Adds users up to {@code target}, spread over the ramp time (logins cost a password hash each). */
    private void addUsers(URI base, int target, Recorder recorder) throws InterruptedException {
        int adding = target - users.size();
        if (adding <= 0) {
            return;
        }
        long gapMillis = ramp.toMillis() / adding;
        for (int i = 0; i < adding; i++) {
            LoadUser user =
                    new LoadUser(http, base, loadUserEmail(users.size() + 1), password, thinkMin, thinkMax, recorder);
            users.add(user);
            running.add(threads.submit(user));
            Thread.sleep(gapMillis);
        }
    }

    /** Asks every user to leave and waits until they have logged out (their threads ended). */
    private void stopUsers() throws InterruptedException {
        users.forEach(LoadUser::stop);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (Future<?> user : running) {
            try {
                user.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                print("A user did not leave cleanly: " + e);
            }
        }
        users.clear();
        running.clear();
    }

    private static String loadUserEmail(int number) {
        return "carga-%04d@demo.nexo".formatted(number);
    }

    /**
     * Employee accounts for the simulated users, copies of the demo's sales employee (same tenant,
     * roles and password hash), written as the database superuser before the load starts.
     */
    private void createUsers(int count) throws SQLException {
        try (Connection db = DriverManager.getConnection(adminUrl + database, adminUser, "");
                PreparedStatement user = db.prepareStatement("""
                        insert into app_user (id, tenant_id, email, display_name, password_hash, actor_type, locale)
                        select gen_random_uuid(), tenant_id, ?, ?, password_hash, actor_type, locale
                        from app_user where email = ?
                        on conflict do nothing
                        """);
                PreparedStatement roles = db.prepareStatement("""
                        insert into user_role (tenant_id, user_id, role_id)
                        select r.tenant_id, u.id, r.role_id
                        from user_role r
                        join app_user model on model.id = r.user_id and model.email = ?
                        join app_user u on u.email = ?
                        on conflict do nothing
                        """)) {
            for (int i = 1; i <= count; i++) {
                String email = loadUserEmail(i);
                user.setString(1, email);
                user.setString(2, "Carga %04d".formatted(i));
                user.setString(3, DEMO_SALES_USER);
                user.addBatch();
                roles.setString(1, DEMO_SALES_USER);
                roles.setString(2, email);
                roles.addBatch();
            }
            user.executeBatch();
            roles.executeBatch();
        }
    }

    private void dropDatabase() throws SQLException {
        try (Connection db = DriverManager.getConnection(adminUrl + "postgres", adminUser, "");
                Statement statement = db.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        }
    }

    private static double clientCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    private static String loadAverage() {
        try {
            String[] figures = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return figures[0] + " " + figures[1];
        } catch (IOException e) {
            return "?";
        }
    }

    private void writeReport() throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/load-test.md"), String.join("\n", report) + "\n");
        print("\n" + String.join("\n", report) + "\n(written to target/load-test.md)");
    }

    private static String setting(String name, String fallback) {
        return System.getProperty("nexo.load." + name, fallback);
    }

    /**
     * Prints to the test's output (which Surefire keeps in a file that fills only at the end) and to
     * {@code target/load-test.log}, to follow a run while it goes.
     */
    private static void print(String line) {
        System.out.println(line);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(
                    Path.of("target/load-test.log"),
                    line + "\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("(not written to target/load-test.log: " + e + ")");
        }
    }
}
