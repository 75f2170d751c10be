package com.nexo.security.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SessionStoreEnvironmentTest {

    @Test
    void in_memory_mode_redis_leaves_the_health_check() {
        MockEnvironment environment = new MockEnvironment().withProperty("nexo.sessions.store", "memory");
        new SessionStoreEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("management.health.redis.enabled")).isEqualTo("false");
    }

    @Test
    void in_memory_mode_redis_auto_configuration_stays_out_beside_configured_exclusions() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("nexo.sessions.store", "memory")
                .withProperty("spring.autoconfigure.exclude", "com.example.SomeAutoConfiguration");
        new SessionStoreEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.autoconfigure.exclude", String[].class))
                .contains("com.example.SomeAutoConfiguration")
                .containsAll(SessionStoreEnvironment.REDIS_AUTO_CONFIGURATION);
    }

    @Test
    void an_explicit_setting_wins() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("nexo.sessions.store", "MEMORY")
                .withProperty("management.health.redis.enabled", "true");
        new SessionStoreEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("management.health.redis.enabled")).isEqualTo("true");
    }

    @Test
    void in_redis_mode_nothing_changes() {
        MockEnvironment environment = new MockEnvironment();
        new SessionStoreEnvironment().postProcessEnvironment(environment, null);

        assertThat(environment.getPropertySources().contains(SessionStoreEnvironment.SOURCE))
                .isFalse();
        assertThat(environment.getProperty("spring.autoconfigure.exclude")).isNull();
    }
}
