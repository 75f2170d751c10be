package com.nexo.imports.jobs;

import com.nexo.testing.NodeProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An application node of its own for one import test, started through {@link NodeProcess} like the
 * shared second node, but never shared: the test kills it with its import half done. Its output goes to {@code target/import-node.log}.
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
        int port = NodeProcess.freePort();
        return new ImportNode(NodeProcess.launch(NAME, port, log(), List.of(extraArguments)), port);
    }

    boolean alive() {
        return process.isAlive();
    }

    int port() {
        return port;
    }

    /** Stops the JVM where it is (SIGSTOP), as a node that stalls: it keeps its connections and does nothing. */
    void freeze() {
        signal("STOP");
    }

    /** Lets a frozen JVM go on (SIGCONT) where it stopped. */
    void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .inheritIO()
                    .start();
            if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        return NodeProcess.targetFile("import-node.log");
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
