package com.nexo.security.sessions;

import com.nexo.security.login.NexoUserDetailsService;
import io.lettuce.core.ClientOptions;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** The session layer: where records live ({@code nexo.sessions.store}) and the tracker over them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionProperties.class)
class SessionConfiguration {

    @Bean
    @ConditionalOnProperty(name = "nexo.sessions.store", havingValue = "redis", matchIfMissing = true)
    RedisSessionStore redisSessionStore(
            RedisConnectionFactory connections,
            SessionProperties properties,
            @Value("${server.servlet.session.timeout:30m}") Duration idleTimeout) {
        return new RedisSessionStore(connections, properties.keyPrefix(), idleTimeout);
    }

    @Bean
    @ConditionalOnProperty(name = "nexo.sessions.store", havingValue = "memory")
    MemorySessionStore memorySessionStore(@Value("${server.servlet.session.timeout:30m}") Duration idleTimeout) {
        return new MemorySessionStore(idleTimeout, Clock.systemUTC());
    }

    @Bean
    SessionTracker sessionTracker(SessionStore store, SessionProperties properties, NexoUserDetailsService users) {
        return new SessionTracker(store, properties, users, Clock.systemUTC());
    }

    /**
     * While Redis is unreachable, commands fail at once instead of queueing until the connection
     * returns: a request must never wait for Redis to time out (see {@link SessionTracker}).
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
