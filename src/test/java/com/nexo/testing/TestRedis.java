package com.nexo.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each test run a Redis server of its own on a free port (Debian's {@code redis-server}, no
 * persistence), so that tests may stop and start it (Redis faults) without touching anyone else's,
 * and parallel runs never see each other's session records. The keys carry the run's database name
 * as their prefix as well. Without {@code redis-server} the run stops at once and says what to
 * install: the Redis-fault tests must run, not be skipped.
 */
public class TestRedis implements LauncherSessionListener {

    private static final Path SERVER = Path.of(System.getProperty("nexo.redis-server", "/usr/bin/redis-server"));

    private static volatile Process server;
    private static volatile int port;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Files.isExecutable(SERVER)) {
            throw new IllegalStateException(SERVER + " is missing: the tests start Redis servers of their own."
                    + " Install Debian's redis-server package (.ci/run does), or name the program with"
                    + " -Dnexo.redis-server=<path>.");
        }
        port = freePort();
        start();
        System.setProperty("spring.data.redis.port", String.valueOf(port));
        System.setProperty("nexo.sessions.key-prefix", "nexo:" + TestDatabase.name());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    public static int port() {
        return port;
    }

    /** Stops the run's own Redis server (all its data is gone: it keeps none on disk). */
    public static synchronized void stop() {
        Process running = server;
        if (running != null) {
            running.destroy();
            try {
                if (!running.waitFor(10, TimeUnit.SECONDS)) {
                    running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    /** Starts the run's own Redis server (again) on its port, and waits until it answers. */
    public static synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Path log = Path.of(System.getProperty("basedir", "."), "target", "test-redis.log");
            Files.createDirectories(log.getParent());
            server = new ProcessBuilder(List.of(
                            SERVER.toString(),
                            "--port",
                            String.valueOf(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::stop));
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + SERVER, e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (answers()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("The test's Redis server on port " + port + " did not answer");
    }

    private static boolean answers() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            int read = in.read(answer);
            return read > 0 && new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
