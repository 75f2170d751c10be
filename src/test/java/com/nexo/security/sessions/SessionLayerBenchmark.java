package com.nexo.security.sessions;

import com.nexo.security.NexoUser;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.TestRedis;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Not a test: measures what the session layer costs, with records in Redis against records in memory,
 * in one run. Per session: Redis memory (the record, its index entry) and this node's heap (the
 * record's id and check time in the HTTP session, the local registry entry; in memory mode also the
 * record). Per request: the time {@link SessionTracker#stillValid} adds, when it asks the store (every
 * request, the worst case) and with the default touch interval (5 s). Run it with
 *
 * <pre>./mvnw -B test -Dtest=SessionLayerBenchmark -Dnexo.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>The figures go to the console and to {@code target/session-benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class SessionLayerBenchmark {

    private static final int SESSIONS = 2_000;
    private static final int REQUESTS = 20_000;

    @Test
    void session_layer_in_redis_mode_against_memory_mode() throws Exception {
        LettuceConnectionFactory connections =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", TestRedis.port()));
        connections.afterPropertiesSet();
        connections.start();
        RedisSessionStore redis =
                new RedisSessionStore(connections, "nexo:benchmark:" + UUID.randomUUID(), Duration.ofMinutes(30));
        redis.afterPropertiesSet();
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                "Session layer, %d sessions, %d requests per measurement (JDK %s, %d cores)%n",
                SESSIONS,
                REQUESTS,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        try {
            measure("memory", new MemorySessionStore(Duration.ofMinutes(30), Clock.systemUTC()), null, report);
            measure("redis", redis, connections, report);
        } finally {
            redis.destroy();
            connections.destroy();
        }
        System.out.println(report);
        Path out = Path.of(System.getProperty("basedir", "."), "target", "session-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static void measure(String mode, SessionStore store, LettuceConnectionFactory redis, StringBuilder report) {
        SessionTracker everyRequest = tracker(store, Duration.ZERO);
        SessionTracker defaults = tracker(store, Duration.ofSeconds(5));
        NexoUser user = user();

        // Warm up both paths (JIT, connections).
        List<MockHttpSession> warm = logIn(everyRequest, user, 200);
        requests(everyRequest, user, warm, 2_000);
        requests(defaults, user, warm, 2_000);

        // The HTTP sessions themselves exist in either mode, without the session layer too: not counted.
        long bareBefore = heap();
        List<MockHttpSession> bare = new ArrayList<>(SESSIONS);
        for (int i = 0; i < SESSIONS; i++) {
            MockHttpSession session = new MockHttpSession();
            session.setAttribute("warm", Boolean.TRUE);
            session.removeAttribute("warm");
            bare.add(session);
        }
        long bareBytes = heap() - bareBefore;
        bare.clear();

        long redisBefore = redisMemory(redis);
        long heapBefore = heap();
        long started = System.nanoTime();
        List<MockHttpSession> sessions = logIn(everyRequest, user, SESSIONS);
        double loginMicros = (System.nanoTime() - started) / 1_000.0 / SESSIONS;
        long heapAfter = heap();
        long redisAfter = redisMemory(redis);

        requests(everyRequest, user, sessions, REQUESTS);
        requests(defaults, user, sessions, REQUESTS);
        double touchMicros = requests(everyRequest, user, sessions, REQUESTS);
        double defaultMicros = requests(defaults, user, sessions, REQUESTS);
        report.append(String.format(
                "%-6s  login +%.0f µs | request, store asked every time +%.1f µs | request, default 5 s interval +%.2f µs"
                        + " | heap %d B/session | Redis %s%n",
                mode,
                loginMicros,
                touchMicros,
                defaultMicros,
                (heapAfter - heapBefore - bareBytes) / SESSIONS,
                redis == null ? "-" : ((redisAfter - redisBefore) / SESSIONS) + " B/session"));
        sessions.size(); // keep them reachable until measured
    }

    private static SessionTracker tracker(SessionStore store, Duration touchInterval) {
        return new SessionTracker(
                store,
                new SessionProperties(null, null, null, touchInterval, Duration.ofSeconds(5), "benchmark"),
                null,
                Clock.systemUTC());
    }

    private static List<MockHttpSession> logIn(SessionTracker tracker, NexoUser user, int count) {
        List<MockHttpSession> sessions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            MockHttpSession session = new MockHttpSession();
            tracker.loggedIn(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()),
                    request(session),
                    new MockHttpServletResponse());
            sessions.add(session);
        }
        return sessions;
    }

    /** Mean microseconds per request that the tracker adds. */
    private static double requests(SessionTracker tracker, NexoUser user, List<MockHttpSession> sessions, int count) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            tracker.stillValid(user, request(sessions.get(i % sessions.size())), response);
        }
        return (System.nanoTime() - started) / 1_000.0 / count;
    }

    private static MockHttpServletRequest request(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        request.setRemoteAddr("192.0.2.10");
        request.addHeader(
                "User-Agent",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36");
        return request;
    }

    private static NexoUser user() {
        return new NexoUser(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "benchmark@sessions.test",
                "Benchmark",
                ActorType.EMPLOYEE,
                null,
                true,
                Locale.ENGLISH,
                Set.of(),
                1,
                null,
                null);
    }

    private static long heap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long redisMemory(LettuceConnectionFactory redis) {
        if (redis == null) {
            return 0;
        }
        try (RedisConnection connection = redis.getConnection()) {
            Properties info = connection.serverCommands().info("memory");
            return Long.parseLong(info.getProperty("used_memory"));
        }
    }
}
