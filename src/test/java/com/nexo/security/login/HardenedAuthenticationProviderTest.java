package com.nexo.security.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.security.NexoUser;
import com.nexo.security.events.SecurityEventLog;
import com.nexo.security.events.SecurityEventType;
import com.nexo.tenancy.ActorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The order of the login checks, without a database: throttle first, then the password, then the
 * account's state; what counts as a failure; and what is recorded.
 */
class HardenedAuthenticationProviderTest {

    private static final String PASSWORD = "Right-Password-1";
    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final String HASH = ENCODER.encode(PASSWORD);

    private final FakeThrottle throttle = new FakeThrottle();
    private final FakeEvents events = new FakeEvents();
    private final Map<String, NexoUser> accounts = Map.of(
            "active@test", user("active@test", true),
            "disabled@test", user("disabled@test", false));
    private RuntimeException lookupFailure;

    private final HardenedAuthenticationProvider provider = provider();

    @Test
    void the_right_password_logs_in_clears_the_failures_and_is_recorded() {
        Authentication result = provider.authenticate(attempt("active@test", PASSWORD));

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(((NexoUser) result.getPrincipal()).userId())
                .isEqualTo(accounts.get("active@test").userId());
        assertThat(throttle.calls).containsExactly("wait active@test", "succeeded active@test");
        assertThat(events.lines).containsExactly("LOGIN_SUCCEEDED active@test null");
    }

    @Test
    void a_wrong_password_counts_as_a_failure_and_answers_bad_credentials() {
        assertThatThrownBy(() -> provider.authenticate(attempt("active@test", "Wrong-1")))
                .isExactlyInstanceOf(BadCredentialsException.class)
                .hasMessage("Bad credentials");

        assertThat(throttle.calls).containsExactly("wait active@test", "failed active@test");
        assertThat(events.lines).containsExactly("LOGIN_FAILED active@test bad-credentials");
    }

    @Test
    void an_unknown_email_gets_exactly_the_answer_of_a_wrong_password() {
        assertThatThrownBy(() -> provider.authenticate(attempt("nobody@test", "Wrong-1")))
                .isExactlyInstanceOf(BadCredentialsException.class)
                .hasMessage("Bad credentials")
                .hasNoCause();

        assertThat(throttle.calls).containsExactly("wait nobody@test", "failed nobody@test");
    }

    @Test
    void a_disabled_account_with_a_wrong_password_looks_like_any_wrong_password() {
        assertThatThrownBy(() -> provider.authenticate(attempt("disabled@test", "Wrong-1")))
                .isExactlyInstanceOf(BadCredentialsException.class)
                .hasMessage("Bad credentials");

        assertThat(events.lines).containsExactly("LOGIN_FAILED disabled@test bad-credentials");
    }

    @Test
    void a_disabled_account_with_the_right_password_is_told_so_without_counting_a_failure() {
        assertThatThrownBy(() -> provider.authenticate(attempt("disabled@test", PASSWORD)))
                .isInstanceOf(DisabledException.class);

        assertThat(throttle.calls).containsExactly("wait disabled@test");
        assertThat(events.lines).containsExactly("LOGIN_FAILED disabled@test disabled");
    }

    @Test
    void a_locked_login_is_refused_before_the_password_is_looked_at() {
        throttle.wait = 42;

        assertThatThrownBy(() -> provider.authenticate(attempt("active@test", PASSWORD)))
                .isInstanceOfSatisfying(
                        LoginThrottledException.class,
                        e -> assertThat(e.waitSeconds()).isEqualTo(42));

        assertThat(throttle.calls).containsExactly("wait active@test");
        assertThat(events.lines).containsExactly("LOGIN_FAILED active@test locked");
    }

    @Test
    void the_failure_that_reaches_the_threshold_answers_locked_and_records_the_lock_out() {
        throttle.lockOnFailure = 60;

        assertThatThrownBy(() -> provider.authenticate(attempt("active@test", "Wrong-1")))
                .isInstanceOfSatisfying(
                        LoginThrottledException.class,
                        e -> assertThat(e.waitMinutes()).isEqualTo(1));

        assertThat(events.lines)
                .containsExactly("LOGIN_FAILED active@test bad-credentials", "LOCKED_OUT active@test 60s");
    }

    @Test
    void a_broken_user_look_up_is_an_error_of_the_server_not_a_failed_login() {
        lookupFailure = new DataAccessResourceFailureException("database down");

        assertThatThrownBy(() -> provider.authenticate(attempt("active@test", PASSWORD)))
                .isInstanceOf(InternalAuthenticationServiceException.class);

        assertThat(throttle.calls).as("no failure counted against the account").containsExactly("wait active@test");
        assertThat(events.lines).isEmpty();
    }

    @Test
    void an_overlong_or_multi_line_email_is_cut_and_cleaned_before_it_is_counted_or_recorded() {
        String typed = "x".repeat(5_000) + "@test\n2026-01-01 INFO forged log line";

        assertThatThrownBy(() -> provider.authenticate(attempt(typed, "Wrong-1")))
                .isExactlyInstanceOf(BadCredentialsException.class);

        String recorded = "x".repeat(HardenedAuthenticationProvider.MAX_EMAIL_LENGTH);
        assertThat(throttle.calls).containsExactly("wait " + recorded, "failed " + recorded);
        assertThat(events.lines).containsExactly("LOGIN_FAILED " + recorded + " bad-credentials");
        assertThat(HardenedAuthenticationProvider.forRecords(" a@b.c\r\nforged\t "))
                .isEqualTo("a@b.c??forged");
    }

    @Test
    void the_wait_is_shown_in_whole_minutes_rounded_up() {
        assertThat(new LoginThrottledException(1).waitMinutes()).isEqualTo(1);
        assertThat(new LoginThrottledException(60).waitMinutes()).isEqualTo(1);
        assertThat(new LoginThrottledException(61).waitMinutes()).isEqualTo(2);
        assertThat(new LoginThrottledException(1800).waitMinutes()).isEqualTo(30);
    }

    // --- Fakes ---------------------------------------------------------------------------------

    private HardenedAuthenticationProvider provider() {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(email -> {
            if (lookupFailure != null) {
                throw lookupFailure;
            }
            NexoUser user = accounts.get(email);
            if (user == null) {
                throw new UsernameNotFoundException("No user may log in with this e-mail");
            }
            // A fresh copy per login, as the look-up returns one (the provider erases credentials).
            return new NexoUser(
                    user.userId(),
                    user.tenantId(),
                    user.email(),
                    user.displayName(),
                    user.actorType(),
                    null,
                    user.isEnabled(),
                    user.locale(),
                    user.permissions(),
                    0,
                    null,
                    HASH);
        });
        passwords.setPasswordEncoder(ENCODER);
        return new HardenedAuthenticationProvider(passwords, throttle, events);
    }

    private static NexoUser user(String email, boolean enabled) {
        return new NexoUser(
                UUID.randomUUID(),
                UUID.randomUUID(),
                email,
                "User " + email,
                ActorType.EMPLOYEE,
                null,
                enabled,
                Locale.ENGLISH,
                Set.of(),
                0,
                null,
                HASH);
    }

    private static Authentication attempt(String email, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(email, password);
    }

    /** Counts what the provider asks of the throttle. */
    private static final class FakeThrottle extends LoginThrottle {
        final List<String> calls = new ArrayList<>();
        int wait;
        int lockOnFailure;

        FakeThrottle() {
            super(null);
        }

        @Override
        public int waitSeconds(String email, String address) {
            calls.add("wait " + email);
            return wait;
        }

        @Override
        public int failed(String email, String address) {
            calls.add("failed " + email);
            return lockOnFailure;
        }

        @Override
        public void succeeded(String email, UUID userId) {
            calls.add("succeeded " + email);
        }
    }

    /** Keeps the login events instead of writing them. */
    private static final class FakeEvents extends SecurityEventLog {
        final List<String> lines = new ArrayList<>();

        FakeEvents() {
            super(null);
        }

        @Override
        public void recordLogin(
                SecurityEventType type, String email, String address, String userAgent, String details) {
            lines.add(type + " " + email + " " + details);
        }
    }
}
