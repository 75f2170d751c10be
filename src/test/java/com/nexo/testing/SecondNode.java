package com.nexo.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second application node for the run: the application started as a separate JVM (never a second
 * Spring context in the test JVM: security state is global there) from the test class path, with the
 * run's database, Redis server and key prefix, on a port of its own. Started once, on first use, and
 * shared by every test that needs it; its output goes to {@code target/second-node.log}.
 */
public final class SecondNode {

    /** The name the node gives itself in session records. */
    public static final String NAME = "second-node";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static Process process;
    private static int port;

    private SecondNode() {}

    /** Starts the node unless it runs; returns its HTTP port. */
    public static synchronized int start() {
        if (process != null && process.isAlive()) {
            return port;
        }
        port = NodeProcess.freePort();
        // Only the announcement can end a session here at once: its own checks come too late.
        process = NodeProcess.launch(NAME, port, log(), List.of("--nexo.sessions.touch-interval=10m"));
        Runtime.getRuntime().addShutdownHook(new Thread(SecondNode::stop));
        awaitHealthy();
        return port;
    }

    /** Stops the node as a redeploy would (SIGTERM, graceful shut-down) and waits for it to end. */
    public static synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public static synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** What the node has logged so far. */
    public static String output() {
        try {
            return Files.readString(log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Path log() {
        return NodeProcess.targetFile("second-node.log");
    }

    private static void awaitHealthy() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The second node stopped while starting; see " + log());
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException(
                "The second node did not become healthy in " + START_TIMEOUT + "; see " + log());
    }
}
