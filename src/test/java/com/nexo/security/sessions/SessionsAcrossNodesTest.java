package com.nexo.security.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.security.Browser;
import com.nexo.security.NexoUser;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.login.NexoUserDetailsService;
import com.nexo.security.sessions.SessionService.ActiveSession;
import com.nexo.security.users.UserAdministration;
import com.nexo.security.users.UserEdits;
import com.nexo.security.users.UserForm;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.SecondNode;
import com.nexo.testing.SwitchingProxy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two application nodes sharing PostgreSQL and Redis: this test's own application, and a second one
 * started as a separate JVM ({@link SecondNode}). A session logged in on one node is logged in on the
 * other when its cookies arrive there (a load balancer that lost its node), goes on when its node
 * stops, and ends on every node at once when an administrator ends it or the user's access or
 * password changes. The second node checks records only every ten minutes, so what ends its sessions
 * at once can only be the announcement through Redis.
 */
@NexoSpringTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionsAcrossNodesTest {

    static final String COOKIE = "NEXO_SESSION";
    static final String DEMO_ADMIN = "admin@demo.nexo";
    static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    static final String PASSWORD = "Sessions-Test-2026";

    private static int second;

    @LocalServerPort
    private int port;

    @Autowired
    private UserService users;

    @Autowired
    private UserAdministration administration;

    @Autowired
    private SessionService sessions;

    @Autowired
    private SessionStore store;

    @Autowired
    private SessionTracker tracker;

    @Autowired
    private NexoUserDetailsService userDetailsService;

    @Autowired
    private StringRedisTemplate redis;

    @BeforeAll
    static void startSecondNode() {
        second = SecondNode.start();
    }

    @Test
    @Order(1)
    void a_session_logged_in_on_one_node_is_logged_in_on_the_other_with_its_cookie() throws Exception {
        String email = newUser();
        Browser onFirst = new Browser(port);
        assertThat(onFirst.logIn(email, PASSWORD).isLoggedInRedirect()).isTrue();
        String record = onFirst.cookie(COOKIE).orElseThrow();

        Browser onSecond = new Browser(second);
        onSecond.useCookie(COOKIE, record);
        assertThat(onSecond.get("/").statusCode())
                .as("taken over, no login page")
                .isEqualTo(200);
        assertThat(onSecond.get("/").statusCode()).isEqualTo(200);

        assertThat(store.find(record).orElseThrow().node()).isEqualTo(SecondNode.NAME);
        assertThat(onFirst.get("/").statusCode())
                .as("still logged in where it began")
                .isEqualTo(200);
        assertThat(new Browser(second).get("/").statusCode())
                .as("without the cookie, nobody is logged in")
                .isEqualTo(302);
    }

    @Test
    @Order(2)
    void an_administrator_on_one_node_ends_a_session_served_by_the_other_at_once() throws Exception {
        String email = newUser();
        UUID userId = userId(email);
        Browser onSecond = new Browser(second);
        assertThat(onSecond.logIn(email, PASSWORD).isLoggedInRedirect()).isTrue();
        assertThat(onSecond.get("/").statusCode()).isEqualTo(200);
        String record = onSecond.cookie(COOKIE).orElseThrow();

        List<ActiveSession> listed = asUser(DEMO_ADMIN, () -> sessions.listSessions(userId));
        assertThat(listed).singleElement().satisfies(session -> {
            assertThat(session.node()).isEqualTo(SecondNode.NAME);
            assertThat(session.clientAddress()).isEqualTo("127.0.0.1");
            assertThat(session.startedAt()).isNotNull();
            assertThat(session.lastAccessAt()).isAfterOrEqualTo(session.startedAt());
            assertThat(session.browser()).isNotBlank();
            assertThat(session.current()).isFalse();
        });

        asUser(DEMO_ADMIN, () -> {
            sessions.endSession(userId, listed.getFirst().id());
            return null;
        });

        awaitEndedOnSecondNode(record);
        assertThat(onSecond.get("/").statusCode()).isEqualTo(302);
        Browser elsewhere = new Browser(port);
        elsewhere.useCookie(COOKIE, record);
        assertThat(elsewhere.get("/").statusCode())
                .as("no node takes an ended session over")
                .isEqualTo(302);
        assertThat(asUser(DEMO_ADMIN, () -> sessions.listSessions(userId))).isEmpty();
    }

    @Test
    @Order(3)
    void disabling_a_user_ends_its_sessions_on_every_node_at_once() throws Exception {
        String email = newUser();
        UUID userId = userId(email);
        Browser onSecond = new Browser(second);
        assertThat(onSecond.logIn(email, PASSWORD).isLoggedInRedirect()).isTrue();
        Browser onFirst = new Browser(port);
        assertThat(onFirst.logIn(email, PASSWORD).isLoggedInRedirect()).isTrue();
        String secondRecord = onSecond.cookie(COOKIE).orElseThrow();
        assertThat(asUser(DEMO_ADMIN, () -> sessions.listSessions(userId))).hasSize(2);

        asUser(DEMO_ADMIN, () -> {
            UserForm user = administration.getForm(userId);
            administration.update(UserEdits.edited(user, user.getDisplayName(), false, user.getRoleIds()));
            return null;
        });

        awaitEndedOnSecondNode(secondRecord);
        assertThat(store.findByUser(userId)).isEmpty();
        assertThat(onSecond.get("/").statusCode()).isEqualTo(302);
        assertThat(onFirst.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    @Order(4)
    void a_password_change_or_reset_ends_the_users_sessions_on_every_node_at_once() throws Exception {
        String email = newUser();
        UUID userId = userId(email);
        Browser onSecond = new Browser(second);
        assertThat(onSecond.logIn(email, PASSWORD).isLoggedInRedirect()).isTrue();
        String record = onSecond.cookie(COOKIE).orElseThrow();

        asUser(email, () -> {
            users.changeMyPassword(PASSWORD, "Changed-By-Owner-2026");
            return null;
        });

        awaitEndedOnSecondNode(record);
        assertThat(onSecond.get("/").statusCode()).isEqualTo(302);

        Browser again = new Browser(second);
        assertThat(again.logIn(email, "Changed-By-Owner-2026").isLoggedInRedirect())
                .isTrue();
        String next = again.cookie(COOKIE).orElseThrow();
        asUser(DEMO_ADMIN, () -> {
            administration.resetPassword(userId, "Reset-By-Admin-2026");
            return null;
        });

        awaitEndedOnSecondNode(next);
        assertThat(again.get("/").statusCode()).isEqualTo(302);
        Browser elsewhere = new Browser(port);
        elsewhere.useCookie(COOKIE, next);
        assertThat(elsewhere.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    @Order(5)
    void a_node_that_missed_the_announcement_ends_the_session_at_its_next_check() throws Exception {
        String email = newUser();
        Browser onFirst = new Browser(port);
        assertThat(onFirst.logIn(email, PASSWORD).isLoggedInRedirect()).isTrue();
        assertThat(onFirst.get("/").statusCode()).isEqualTo(200);
        String record = onFirst.cookie(COOKIE).orElseThrow();

        // Ended as SessionStore.end does it, but without the announcement on the channel.
        String prefix = System.getProperty("nexo.sessions.key-prefix", "nexo:sessions");
        redis.opsForValue().set(prefix + ":ended:" + record, "1", Duration.ofMinutes(1));
        assertThat(redis.delete(prefix + ":sessions:" + record)).isTrue();

        Thread.sleep(1100); // the tests' touch interval
        assertThat(onFirst.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    @Order(10)
    void a_session_goes_on_on_another_node_when_its_node_stops() throws Exception {
        String email = newUser();
        Browser onSecond = new Browser(second);
        assertThat(onSecond.logIn(email, PASSWORD).isLoggedInRedirect()).isTrue();
        assertThat(onSecond.get("/").statusCode()).isEqualTo(200);
        String record = onSecond.cookie(COOKIE).orElseThrow();

        // A real browser too, on an open page, behind a proxy that sticks to the second node.
        try (SwitchingProxy proxy = new SwitchingProxy(second);
                com.nexo.journeys.Browser browser = com.nexo.journeys.Browser.start(Locale.forLanguageTag("es-ES"))) {
            String page = "http://localhost:" + proxy.port() + "/journey/clicks";
            browser.open("http://localhost:" + proxy.port() + "/login");
            browser.submitLoginForm(email, PASSWORD);
            browser.waitUntil("logged in", () -> !browser.currentPath().equals("/login"));
            browser.open(page);
            browser.script("document.getElementById('click').click();");
            browser.waitUntil("the click counted", () -> clicks(browser).equals("1"));

            SecondNode.stop();
            proxy.switchTo(port);

            assertThat(store.find(record))
                    .as("a node shutting down leaves its records")
                    .isPresent();
            Browser onFirst = new Browser(port);
            onFirst.useCookie(COOKIE, record);
            assertThat(onFirst.get("/").statusCode()).isEqualTo(200);
            assertThat(store.find(record).orElseThrow().node()).isEqualTo(tracker.node());

            // The open page's next click reaches the first node: a fresh page, no login form.
            browser.script("document.getElementById('click').click();");
            browser.waitUntil(
                    "a fresh page of the same view on the first node",
                    () -> browser.currentPath().equals("/journey/clicks")
                            && Boolean.TRUE.equals(browser.script("return !!document.getElementById('click');"))
                            && clicks(browser).equals("0"));
            browser.waitForVaadin();
            browser.script("document.getElementById('click').click();");
            browser.waitUntil("clicks count again", () -> clicks(browser).equals("1"));
            assertThat(browser.currentPath()).isEqualTo("/journey/clicks");
            assertThat(browser.consoleErrors())
                    .as("errors in the browser console")
                    .isEmpty();
        }
        assertThat(SecondNode.output()).as("the second node logged no error").doesNotContain(" ERROR ");
    }

    private static String clicks(com.nexo.journeys.Browser browser) {
        Object text = browser.script(
                "const counted = document.getElementById('page-clicks'); return counted ? counted.textContent : '';");
        return String.valueOf(text).strip();
    }

    private static void awaitEndedOnSecondNode(String record) throws InterruptedException {
        String line = "Session record " + record.substring(0, 8);
        await(
                () -> SecondNode.output()
                        .lines()
                        .anyMatch(logged -> logged.contains(line)
                                && logged.contains("local session ended on node " + SecondNode.NAME)),
                Duration.ofSeconds(5),
                "the second node ended its session for record " + record);
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + timeout + " in vain for: " + what);
            }
            Thread.sleep(50);
        }
    }

    private String newUser() {
        String tag = UUID.randomUUID().toString().substring(0, 12);
        String email = "sessions-" + tag + "@sessions.test";
        TenantContext.callAsSystem(
                DEMO_TENANT,
                null,
                () -> users.createUser(new NewUser(
                        email, "Sessions " + tag, ActorType.EMPLOYEE, null, Set.of("read-only"), PASSWORD, "es")));
        return email;
    }

    private UUID userId(String email) {
        return ((NexoUser) userDetailsService.loadUserByUsername(email)).userId();
    }

    private <T> T asUser(String email, Supplier<T> work) {
        return LoggedIn.asUser(userDetailsService, email, work);
    }
}
