package com.nexo.security.sessions;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code nexo.sessions.store=memory} the one switch for a node without Redis: Redis then drops
 * out of the health check too (unless {@code management.health.redis.enabled} is set explicitly), so
 * that health does not report a Redis that is not meant to be there.
 */
class SessionStoreEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "nexoSessionStoreDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String store = environment.getProperty("nexo.sessions.store", "redis");
        if (store.strip().equalsIgnoreCase("memory")) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(SOURCE, Map.of("management.health.redis.enabled", "false")));
        }
    }

    @Override
    public int getOrder() {
        // After the configuration files are loaded (ConfigDataEnvironmentPostProcessor).
        return Ordered.LOWEST_PRECEDENCE;
    }
}
