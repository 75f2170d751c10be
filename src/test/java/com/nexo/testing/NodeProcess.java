package com.nexo.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the application as a separate JVM from the test class path, with the run's database, Redis
 * server, session key prefix and OpenID Connect provider: the one way tests start another node
 * ({@link SecondNode}, the shared second node; an import test's node that it kills half way).
 */
public final class NodeProcess {

    private NodeProcess() {}

    /**
     * Starts the node {@code name} on {@code port}, its output (emptied first) in {@code log}, with
     * {@code extraArguments} after the common ones; does not wait for it to be ready.
     */
    public static Process launch(String name, int port, Path log, List<String> extraArguments) {
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
                "--nexo.sessions.node=" + name,
                // The run's own OpenID Connect provider, which the test profile registers.
                "--" + TestOidcProvider.ISSUER_PROPERTY + "=" + System.getProperty(TestOidcProvider.ISSUER_PROPERTY)));
        command.addAll(extraArguments);
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .directory(Path.of(System.getProperty("basedir", ".")).toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the node " + name, e);
        }
    }

    /** A file under {@code target/} of the build. */
    public static Path targetFile(String fileName) {
        return Path.of(System.getProperty("basedir", "."), "target", fileName);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
