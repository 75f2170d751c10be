package com.nexo.base;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Back-dated work: the business clock ({@link BusinessClock}) of the current thread tells a moment in
 * the past, so that what the services date by it (document dates, the year of a number, due dates,
 * the time of an invoice record) is that moment's. Made for one caller, the demo seeder, which runs
 * a year of sales through the real services in the order they would have happened.
 *
 * <p>Why this is safe to have in the application:
 *
 * <ul>
 *   <li>It starts only inside background system work: the thread's authentication must carry the
 *       system authority ({@code ROLE_SYSTEM}) and must not be a login's (a user's principal), which
 *       a request never is. Once started, the work inside may run as a user (the seeder's services
 *       admit only users), but only the holder of this object moves or ends the moment.
 *   <li>It is the thread's alone and ends with {@link #close()} (try-with-resources), so no other
 *       thread, and no later work on a pooled thread, sees it; one cannot be started inside another.
 *   <li>The moment only moves forward and never past the real present: back-dated work can only
 *       happen in order, as it would have, and numbers and invoice records come out in that order.
 * </ul>
 */
public final class BackDating implements AutoCloseable {

    /** The authority of background system work (tenancy's {@code BackgroundAuthentication.SYSTEM}). */
    static final String SYSTEM_AUTHORITY = "ROLE_SYSTEM";

    private static final ThreadLocal<BackDating> CURRENT = new ThreadLocal<>();

    private final Thread owner = Thread.currentThread();
    private Instant moment;
    private boolean closed;

    private BackDating(Instant moment) {
        this.moment = moment;
    }

    /**
     * The moment of a day's {@code n}-th planned step: from {@code first}, {@code minutesApart}
     * minutes apart, in {@code zone}; never later than now (today's steps happen now at the latest).
     */
    public static Instant stepMoment(LocalDate day, LocalTime first, int minutesApart, int n, ZoneId zone) {
        Instant planned = day.atTime(first)
                .plusMinutes((long) minutesApart * n)
                .atZone(zone)
                .toInstant();
        Instant now = Instant.now();
        return planned.isAfter(now) ? now : planned;
    }

    /**
     * Starts back-dated work on this thread at {@code moment}.
     *
     * @throws IllegalStateException outside background system work, or inside other back-dated work
     * @throws IllegalArgumentException when {@code moment} is in the future
     */
    public static BackDating start(Instant moment) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean system = authentication != null
                && authentication.isAuthenticated()
                && !(authentication.getPrincipal() instanceof UserDetails)
                && authentication.getAuthorities().stream()
                        .anyMatch(granted -> SYSTEM_AUTHORITY.equals(granted.getAuthority()));
        if (!system) {
            throw new IllegalStateException("back-dated work is for background system work only");
        }
        if (CURRENT.get() != null) {
            throw new IllegalStateException("back-dated work is already running on this thread");
        }
        BackDating dating = new BackDating(notInTheFuture(moment));
        CURRENT.set(dating);
        return dating;
    }

    /** Moves this work's moment forward to {@code next} (the same moment again is allowed). */
    public void moveTo(Instant next) {
        requireOpen();
        if (notInTheFuture(next).isBefore(moment)) {
            throw new IllegalArgumentException("back-dated work only moves forward: " + next + " is before " + moment);
        }
        moment = next;
    }

    /** The moment this work is at. */
    public Instant moment() {
        requireOpen();
        return moment;
    }

    /** Ends the back-dated work: the thread's clock is the system's again. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("back-dated work ends on the thread that started it");
        }
        closed = true;
        CURRENT.remove();
    }

    /** The moment the current thread's back-dated work is at; null when it runs none. */
    static Instant pinned() {
        BackDating dating = CURRENT.get();
        return dating == null ? null : dating.moment;
    }

    private void requireOpen() {
        if (closed || Thread.currentThread() != owner || CURRENT.get() != this) {
            throw new IllegalStateException("back-dated work has ended or belongs to another thread");
        }
    }

    private static Instant notInTheFuture(Instant moment) {
        Objects.requireNonNull(moment, "moment");
        if (moment.isAfter(Clock.systemUTC().instant())) {
            throw new IllegalArgumentException("back-dated work cannot be in the future: " + moment);
        }
        return moment;
    }
}
