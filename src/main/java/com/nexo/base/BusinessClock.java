package com.nexo.base;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock services inject where time matters (document dates, due dates, expiry): the business's
 * own time zone ({@code nexo.time-zone}, Europe/Madrid unless set), so that an invoice issued at
 * 00:30 in Madrid is dated that day whatever zone the server runs in. Tests may replace the bean.
 *
 * <p>On a thread running back-dated system work ({@link BackDating}, the demo seeder only) the clock
 * tells that work's moment instead; on every other thread, a user's request's among them, it is the
 * system's.
 */
@Configuration(proxyBeanMethods = false)
class BusinessClock {

    @Bean
    Clock clock(@Value("${nexo.time-zone:Europe/Madrid}") String zone) {
        return new BackDatableClock(Clock.system(ZoneId.of(zone)));
    }

    /** The system's clock, unless this thread runs back-dated work. */
    static final class BackDatableClock extends Clock {

        private final Clock system;

        BackDatableClock(Clock system) {
            this.system = system;
        }

        @Override
        public ZoneId getZone() {
            return system.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new BackDatableClock(system.withZone(zone));
        }

        @Override
        public Instant instant() {
            Instant pinned = BackDating.pinned();
            return pinned != null ? pinned : system.instant();
        }

        @Override
        public long millis() {
            return instant().toEpochMilli();
        }
    }
}
