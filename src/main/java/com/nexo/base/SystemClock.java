package com.nexo.base;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock services inject where time matters ("today" of a document, an expired quote): the
 * system's, in the server's zone, unless another bean replaces it (a test's fixed clock).
 */
@Configuration(proxyBeanMethods = false)
class SystemClock {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
