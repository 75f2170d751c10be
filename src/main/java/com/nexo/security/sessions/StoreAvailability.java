package com.nexo.security.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the session store is worth asking: after a failure the node goes on without it for the
 * retry interval, then tries again. Logs the change once each way, not on every request.
 */
final class StoreAvailability {

    private static final Logger log = LoggerFactory.getLogger(SessionTracker.class);

    private final Clock clock;
    private final Duration retryInterval;
    private volatile Instant unavailableUntil = Instant.MIN;
    private volatile boolean unavailable;

    StoreAvailability(Clock clock, Duration retryInterval) {
        this.clock = clock;
        this.retryInterval = retryInterval;
    }

    /** Whether to ask the store now (it answered last time, or the retry interval has passed). */
    boolean worthAsking() {
        return !clock.instant().isBefore(unavailableUntil);
    }

    /** Whether the store answered the last time it was asked. */
    boolean answeredLastTime() {
        return !unavailable;
    }

    /** The store could not be reached: leave it alone for the retry interval. */
    void failed(RuntimeException e) {
        unavailableUntil = clock.instant().plus(retryInterval);
        if (!unavailable) {
            unavailable = true;
            log.warn(
                    "Session store unreachable ({}): sessions go on on their nodes; retrying every {}",
                    e.getMessage(),
                    retryInterval);
        }
    }

    /** The store answered. */
    void answered() {
        if (unavailable) {
            unavailable = false;
            log.info("Session store reachable again");
        }
    }
}
