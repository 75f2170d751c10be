package com.nexo.security.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.security.NexoUser;
import com.nexo.tenancy.ActorType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * The session layer in its single-node mode ({@code nexo.sessions.store=memory}): records in the
 * node's memory, with the same life as with Redis, minus taking sessions over from other nodes.
 */
class SessionTrackerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    private final SessionProperties properties =
            new SessionProperties(SessionProperties.Store.MEMORY, null, null, Duration.ofSeconds(5), null, "solo");
    private final MemorySessionStore store = new MemorySessionStore(Duration.ofMinutes(30), clock);
    private final SessionTracker tracker = new SessionTracker(store, properties, null, clock);
    private final NexoUser user = new NexoUser(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "solo@memory.test",
            "Solo",
            ActorType.EMPLOYEE,
            null,
            true,
            Locale.ENGLISH,
            Set.of(),
            1,
            null,
            null);

    @Test
    void a_login_gets_a_record_and_a_cookie_and_its_requests_record_their_access() {
        MockHttpServletRequest login = request(new MockHttpSession());
        MockHttpServletResponse response = new MockHttpServletResponse();
        tracker.loggedIn(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()), login, response);

        String id = tracker.currentRecord(login).orElseThrow();
        assertThat(response.getHeader("Set-Cookie"))
                .startsWith("NEXO_SESSION=" + id)
                .contains("HttpOnly");
        SessionRecord created = store.find(id).orElseThrow();
        assertThat(created.node()).isEqualTo("solo");
        assertThat(created.userAgent()).isEqualTo("Firefox/140");

        clock.advance(Duration.ofSeconds(6));
        assertThat(tracker.stillValid(
                        user, request((MockHttpSession) login.getSession()), new MockHttpServletResponse()))
                .isTrue();
        assertThat(store.find(id).orElseThrow().lastAccessAt()).isEqualTo(clock.instant());
    }

    @Test
    void ending_a_record_ends_the_local_session_at_once_and_its_next_request_is_refused() {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest login = request(session);
        tracker.loggedIn(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()),
                login,
                new MockHttpServletResponse());
        String id = tracker.currentRecord(login).orElseThrow();

        tracker.end(List.of(id));

        assertThat(session.isInvalid()).as("ended on this node at once").isTrue();
        MockHttpSession copy = new MockHttpSession();
        copy.setAttribute(SessionTracker.RECORD, id);
        clock.advance(Duration.ofSeconds(6));
        assertThat(tracker.stillValid(user, request(copy), new MockHttpServletResponse()))
                .isFalse();
        assertThat(tracker.sessionsOf(user.userId())).isEmpty();
    }

    @Test
    void logging_in_again_in_the_same_browser_ends_the_old_record_and_keeps_the_session() {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest first = request(session);
        tracker.loggedIn(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()),
                first,
                new MockHttpServletResponse());
        String old = tracker.currentRecord(first).orElseThrow();

        MockHttpServletRequest again = request(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        tracker.loggedIn(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()), again, response);

        String renewed = tracker.currentRecord(again).orElseThrow();
        assertThat(renewed).isNotEqualTo(old);
        assertThat(session.isInvalid())
                .as("the session that logged in again lives on")
                .isFalse();
        assertThat(response.getHeader("Set-Cookie")).startsWith("NEXO_SESSION=" + renewed);
        assertThat(tracker.sessionsOf(user.userId()))
                .extracting(SessionRecord::id)
                .containsExactly(renewed);
        clock.advance(Duration.ofSeconds(6));
        assertThat(tracker.stillValid(user, request(session), new MockHttpServletResponse()))
                .isTrue();
    }

    @Test
    void an_idle_record_expires_with_the_session_timeout() {
        MockHttpServletRequest login = request(new MockHttpSession());
        tracker.loggedIn(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()),
                login,
                new MockHttpServletResponse());
        assertThat(tracker.sessionsOf(user.userId())).hasSize(1);

        clock.advance(Duration.ofMinutes(31));

        assertThat(tracker.sessionsOf(user.userId())).isEmpty();
    }

    private static MockHttpServletRequest request(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        request.addHeader("User-Agent", "Firefox/140");
        return request;
    }

    /** A clock that tests move forward. */
    static final class MutableClock extends java.time.Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
