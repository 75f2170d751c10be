package com.nexo.security.sessions;

import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code nexo.sessions.store=memory} the one switch for a node without Redis: Redis then drops
 * out of the health check too (unless {@code management.health.redis.enabled} is set explicitly), so
 * that health does not report a Redis that is not meant to be there; and Spring Boot's Redis
 * auto-configuration stays out, so that start-up does not build a Redis client nobody uses (about a
 * second of CPU on a 2-core machine).
 */
class SessionStoreEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "nexoSessionStoreDefaults";

    static final String EXCLUDE_SOURCE = "nexoSessionStoreExclusions";

    static final List<String> REDIS_AUTO_CONFIGURATION = List.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String store = environment.getProperty("nexo.sessions.store", "redis");
        if (store.strip().equalsIgnoreCase("memory")) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(SOURCE, Map.of("management.health.redis.enabled", "false")));
            // Added to whatever exclusions are configured, not in their place.
            String configured = environment.getProperty("spring.autoconfigure.exclude", "");
            String exclude =
                    (configured.isBlank() ? "" : configured.strip() + ",") + String.join(",", REDIS_AUTO_CONFIGURATION);
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(EXCLUDE_SOURCE, Map.of("spring.autoconfigure.exclude", exclude)));
        }
    }

    @Override
    public int getOrder() {
        // After the configuration files are loaded (ConfigDataEnvironmentPostProcessor).
        return Ordered.LOWEST_PRECEDENCE;
    }
}
