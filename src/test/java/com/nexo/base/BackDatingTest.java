package com.nexo.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Back-dated work: only background system work starts it, the business clock of its thread alone
 * tells its moment, the moment only moves forward and never into the future, and it ends for good.
 */
class BackDatingTest {

    private static final UUID TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");

    private final Clock clock = new BusinessClock().clock("Europe/Madrid");

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void system_work_runs_at_its_moment_moving_forward_only_and_other_threads_keep_the_present() throws Exception {
        Instant yearAgo = Instant.now().minus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);
        Instant otherThread = TenantContext.callAsSystem(TENANT, null, () -> {
            try (BackDating dating = BackDating.start(yearAgo)) {
                assertThat(clock.instant()).isEqualTo(yearAgo);
                assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.ofInstant(yearAgo, clock.getZone()));
                dating.moveTo(yearAgo.plus(Duration.ofDays(30)));
                assertThat(clock.instant()).isEqualTo(yearAgo.plus(Duration.ofDays(30)));
                assertThatThrownBy(() -> dating.moveTo(yearAgo))
                        .as("backwards")
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> dating.moveTo(Instant.now().plus(Duration.ofDays(1))))
                        .as("into the future")
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> BackDating.start(yearAgo))
                        .as("one inside another")
                        .isInstanceOf(IllegalStateException.class);
                return CompletableFuture.supplyAsync(clock::instant).join();
            }
        });
        assertThat(otherThread).isAfter(Instant.now().minusSeconds(60));
        assertThat(clock.instant()).as("after the work").isAfter(Instant.now().minusSeconds(60));
        assertThat(BackDating.pinned()).isNull();
    }

    @Test
    void users_and_unauthenticated_work_cannot_start_it() {
        Instant yearAgo = Instant.now().minus(Duration.ofDays(365));
        assertThatThrownBy(() -> BackDating.start(yearAgo)).isInstanceOf(IllegalStateException.class);

        // A login's principal, even one that somehow carried the system authority.
        UserDetails user = User.withUsername("ventas@demo.nexo")
                .password("x")
                .authorities("ROLE_EMPLOYEE", BackDating.SYSTEM_AUTHORITY)
                .build();
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        assertThatThrownBy(() -> BackDating.start(yearAgo)).isInstanceOf(IllegalStateException.class);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "someone", null, AuthorityUtils.createAuthorityList("ROLE_EMPLOYEE")));
        assertThatThrownBy(() -> BackDating.start(yearAgo)).isInstanceOf(IllegalStateException.class);
        assertThat(BackDating.pinned()).isNull();
    }

    @Test
    void it_never_starts_in_the_future_and_ends_only_on_its_thread() {
        TenantContext.callAsSystem(TENANT, null, () -> {
            assertThatThrownBy(() -> BackDating.start(Instant.now().plusSeconds(3600)))
                    .isInstanceOf(IllegalArgumentException.class);
            BackDating dating = BackDating.start(Instant.now().minusSeconds(3600));
            assertThatThrownBy(() -> CompletableFuture.runAsync(dating::close).join())
                    .hasCauseInstanceOf(IllegalStateException.class);
            dating.close();
            assertThatThrownBy(() -> dating.moveTo(Instant.now().minusSeconds(10)))
                    .as("once ended")
                    .isInstanceOf(IllegalStateException.class);
            return null;
        });
        assertThat(BackDating.pinned()).isNull();
    }
}
