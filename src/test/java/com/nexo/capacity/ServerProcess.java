package com.nexo.capacity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application under load: the production jar in a JVM of its own, with a fixed heap, its own port
 * and database, and demo data on. Reads the process's CPU time and resident memory from {@code /proc}
 * and its live heap with {@code jcmd} after a forced full collection.
 */
final class ServerProcess implements AutoCloseable {

    /** Clock ticks per second of {@code /proc/PID/stat}'s times (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    private static final Pattern HEAP_USED = Pattern.compile("\\bused (\\d+)K");

    private final Process process;
    private final Path jcmd;
    private final URI base;

    private ServerProcess(Process process, Path jcmd, URI base) {
        this.process = process;
        this.jcmd = jcmd;
        this.base = base;
    }

    static ServerProcess start(Path jar, int port, String heap, Map<String, String> environment, Path log)
            throws IOException {
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<String> command = new ArrayList<>(
                List.of(javaHome.resolve("bin/java").toString(), "-Xmx" + heap, "-jar", jar.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        return new ServerProcess(
                builder.start(), javaHome.resolve("bin/jcmd"), URI.create("http://127.0.0.1:" + port + "/"));
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until the readiness probe answers 200, which Spring Boot gives only after the start-up
     * runners (migrations, demo data) are done; fails if the process ends or time runs out.
     */
    Duration awaitReady(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - start < limit.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped with exit code " + process.exitValue());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(base.resolve("actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the server was not ready within " + limit);
    }

    /** User plus system CPU time the server process has used so far, in seconds. */
    double cpuSeconds() throws IOException {
        return cpuSeconds(pid());
    }

    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // Fields after the command name, which is in parentheses and may hold spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
    }

    /**
     * CPU time of the PostgreSQL backends now connected to {@code database} (a local server: their
     * command lines read "postgres: USER DATABASE ..."). The connection pool keeps them for the
     * whole run, so the difference over a phase is the database's work for it.
     */
    static double databaseCpuSeconds(String database) throws IOException {
        double seconds = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.toList()) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String command =
                            Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    if (command.startsWith("postgres: ") && command.contains(" " + database + " ")) {
                        seconds += cpuSeconds(Long.parseLong(name));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile, or is not ours to read
                }
            }
        }
        return seconds;
    }

    /** Resident set size in MiB. */
    double rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** Heap in use right after a forced full collection, in KiB (what the live objects hold). */
    long heapAfterGcKiB() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        // One line per heap (G1: "garbage-first heap total reserved ..., committed ..., used ...K"),
        // or per generation with other collectors; metaspace is not heap.
        long usedKiB = 0;
        boolean found = false;
        for (String line : info.lines().toList()) {
            Matcher used = HEAP_USED.matcher(line);
            if (!line.contains("Metaspace") && !line.contains("class space") && used.find()) {
                usedKiB += Long.parseLong(used.group(1));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("no heap figure in jcmd's answer: " + info);
        }
        return usedKiB;
    }

    /** Runs a {@code jcmd} diagnostic command on the server (e.g. {@code GC.class_histogram}); its output. */
    String jcmd(String command) throws IOException, InterruptedException {
        Process jcmdProcess = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command)
                .redirectErrorStream(true)
                .start();
        String output = new String(jcmdProcess.getInputStream().readAllBytes());
        if (!jcmdProcess.waitFor(2, TimeUnit.MINUTES) || jcmdProcess.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
