package com.nexo.base;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock services inject where time matters (document dates, due dates, expiry): the business's
 * own time zone ({@code nexo.time-zone}, Europe/Madrid unless set), so that an invoice issued at
 * 00:30 in Madrid is dated that day whatever zone the server runs in. Tests may replace the bean.
 */
@Configuration(proxyBeanMethods = false)
class BusinessClock {

    @Bean
    Clock clock(@Value("${nexo.time-zone:Europe/Madrid}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
