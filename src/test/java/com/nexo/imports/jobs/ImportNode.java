package com.nexo.imports.jobs;

import com.nexo.testing.TestDatabase;
import com.nexo.testing.TestOidcProvider;
import com.nexo.testing.TestRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An application node of its own for one import test, started like {@link com.nexo.testing.SecondNode}
 * (a separate JVM from the test class path, with the run's database and Redis) but never shared: the
 * test kills it with its import half done. Its output goes to {@code target/import-node.log}.
 */
final class ImportNode implements AutoCloseable {

    static final String NAME = "import-node";

    private final Process process;
    private final int port;

    private ImportNode(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the node with these extra arguments; it does not wait for it to be ready. */
    static ImportNode start(String... extraArguments) {
        int port = freePort();
        Path log = log();
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx640m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classPath,
                "com.nexo.NexoApplication",
                "--server.port=" + port,
                "--spring.profiles.active=test",
                "--nexo.db.name=" + TestDatabase.name(),
                "--spring.data.redis.port=" + TestRedis.port(),
                "--nexo.sessions.key-prefix=" + System.getProperty("nexo.sessions.key-prefix"),
                "--nexo.sessions.node=" + NAME,
                "--" + TestOidcProvider.ISSUER_PROPERTY + "=" + System.getProperty(TestOidcProvider.ISSUER_PROPERTY)));
        command.addAll(List.of(extraArguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .directory(Path.of(System.getProperty("basedir", ".")).toFile())
                    .start();
            return new ImportNode(process, port);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the import node", e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    int port() {
        return port;
    }

    /** Kills the JVM at once (SIGKILL: no shut-down hooks, no graceful end of its jobs) and waits for it. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The import node (pid " + process.pid() + ") did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines the node logged, for a failure message. */
    static String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static Path log() {
        return Path.of(System.getProperty("basedir", "."), "target", "import-node.log");
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** A free port among the ones this test may use (18150-18159), else any free one. */
    private static int freePort() {
        for (int port = 18150; port <= 18159; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try the next
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
