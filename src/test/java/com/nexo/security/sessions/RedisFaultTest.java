package com.nexo.security.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.security.AccessRuleException;
import com.nexo.security.Browser;
import com.nexo.security.NexoUser;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.login.NexoUserDetailsService;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestRedis;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Redis stopped and started again under a running node (the run's own Redis server, see {@link
 * TestRedis}; it keeps nothing on disk, so it comes back empty, the worst case). Users already working
 * keep working, new logins work, administrators are told that sessions cannot be listed or ended for
 * now, and once Redis is back the node writes the lost records again without a restart.
 */
@NexoSpringTest
class RedisFaultTest {

    private static final String COOKIE = SessionsAcrossNodesTest.COOKIE;
    private static final String PASSWORD = SessionsAcrossNodesTest.PASSWORD;

    @LocalServerPort
    private int port;

    @Autowired
    private UserService users;

    @Autowired
    private SessionService sessions;

    @Autowired
    private SessionStore store;

    @Autowired
    private SessionTracker tracker;

    @Autowired
    private NexoUserDetailsService userDetailsService;

    @Test
    void users_keep_working_and_logging_in_while_redis_is_down_and_their_records_come_back_with_it() throws Exception {
        String working = newUser();
        String newcomer = newUser();
        UUID newcomerId = userId(newcomer);
        Browser before = new Browser(port);
        assertThat(before.logIn(working, PASSWORD).isLoggedInRedirect()).isTrue();
        String lostRecord = before.cookie(COOKIE).orElseThrow();
        Browser during = new Browser(port);

        TestRedis.stop();
        try {
            Thread.sleep(1100); // past the touch interval: the next request asks Redis
            long started = System.nanoTime();
            assertThat(before.get("/").statusCode()).as("working on").isEqualTo(200);
            assertThat(before.get("/").statusCode()).isEqualTo(200);
            assertThat(during.logIn(newcomer, PASSWORD).isLoggedInRedirect())
                    .as("a new login works while Redis is down")
                    .isTrue();
            assertThat(during.get("/").statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("no request waits for Redis")
                    .isLessThan(Duration.ofSeconds(3));
            assertThat(during.cookie(COOKIE)).as("no record yet").isEmpty();
            assertThat(tracker.storeAvailable()).isFalse();
            assertThatThrownBy(
                            () -> asUser(SessionsAcrossNodesTest.DEMO_ADMIN, () -> sessions.listSessions(newcomerId)))
                    .isInstanceOf(AccessRuleException.class)
                    .hasMessageContaining("sessions.error.unavailable");
        } finally {
            TestRedis.start();
        }

        // Back, and empty: the next requests write both records again, without a restart.
        SessionsAcrossNodesTest.await(
                () -> status(before) == 200
                        && status(during) == 200
                        && during.cookie(COOKIE).isPresent(),
                Duration.ofSeconds(30),
                "both sessions have records again");
        SessionsAcrossNodesTest.await(
                () -> status(before) == 200
                        && !before.cookie(COOKIE).orElseThrow().equals(lostRecord),
                Duration.ofSeconds(30),
                "the lost record was written again under a new id");
        assertThat(tracker.storeAvailable()).isTrue();
        assertThat(store.find(before.cookie(COOKIE).orElseThrow())).isPresent();
        assertThat(asUser(SessionsAcrossNodesTest.DEMO_ADMIN, () -> sessions.listSessions(newcomerId)))
                .singleElement()
                .satisfies(session -> assertThat(session.node()).isEqualTo(tracker.node()));

        // And ending works again.
        asUser(SessionsAcrossNodesTest.DEMO_ADMIN, () -> {
            sessions.endAllSessions(newcomerId);
            return null;
        });
        assertThat(during.get("/").statusCode()).isEqualTo(302);
        assertThat(before.get("/").statusCode()).isEqualTo(200);
    }

    private static int status(Browser browser) {
        try {
            return browser.get("/").statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private String newUser() {
        String tag = UUID.randomUUID().toString().substring(0, 12);
        String email = "redis-fault-" + tag + "@sessions.test";
        TenantContext.callAsSystem(
                SessionsAcrossNodesTest.DEMO_TENANT,
                null,
                () -> users.createUser(new NewUser(
                        email, "Redis " + tag, ActorType.EMPLOYEE, null, Set.of("read-only"), PASSWORD, "es")));
        return email;
    }

    private UUID userId(String email) {
        return ((NexoUser) userDetailsService.loadUserByUsername(email)).userId();
    }

    private <T> T asUser(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetailsService, email, work);
    }
}
