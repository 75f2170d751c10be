package com.nexo.security.sessions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository.RedisSession;

/**
 * Session records in Redis, through Spring Session's indexed Redis repository: one hash per record
 * that expires with the session's idle timeout, and Spring Session's index of a principal's sessions
 * (the principal being the user id). Ending records is announced on a pub/sub channel, so every node
 * ends its local sessions for them at once.
 *
 * <p>Only strings go into the records (never a serialised {@code SecurityContext}): a node that takes
 * a session over loads the user again, and a redeploy with changed classes reads old records fine.
 */
final class RedisSessionStore implements SessionStore, MessageListener, InitializingBean, DisposableBean {

    static final String USER = "nexo.user";
    static final String TENANT = "nexo.tenant";
    static final String EMAIL = "nexo.email";
    static final String PASSWORD_CHANGED_AT = "nexo.password-changed-at";
    static final String NODE = "nexo.node";
    static final String CLIENT_ADDRESS = "nexo.client-address";
    static final String USER_AGENT = "nexo.user-agent";

    private final RedisIndexedSessionRepository repository;
    private final StringRedisTemplate strings;
    private final RedisMessageListenerContainer listeners;
    private final String namespace;
    private final Duration idleTimeout;
    private final ChannelTopic endedChannel;
    private final List<Consumer<String>> endedListeners = new CopyOnWriteArrayList<>();

    RedisSessionStore(RedisConnectionFactory connections, String keyPrefix, Duration idleTimeout) {
        RedisTemplate<String, Object> template = new RedisTemplate<>();
        template.setConnectionFactory(connections);
        template.setKeySerializer(RedisSerializer.string());
        template.setHashKeySerializer(RedisSerializer.string());
        template.afterPropertiesSet();
        this.namespace = keyPrefix + ":";
        this.idleTimeout = idleTimeout;
        this.repository = new RedisIndexedSessionRepository(template);
        repository.setRedisKeyNamespace(keyPrefix);
        repository.setDefaultMaxInactiveInterval(idleTimeout);
        // Redis expires the records itself; the clean-up task only exists to fire keyspace events,
        // which nothing here listens to.
        repository.setCleanupCron(Scheduled.CRON_DISABLED);
        this.strings = new StringRedisTemplate(connections);
        this.endedChannel = new ChannelTopic(keyPrefix + ":ended");
        this.listeners = new RedisMessageListenerContainer();
        listeners.setConnectionFactory(connections);
        listeners.setRecoveryInterval(2000);
        listeners.addMessageListener(this, endedChannel);
    }

    @Override
    public void afterPropertiesSet() {
        repository.afterPropertiesSet();
        listeners.afterPropertiesSet();
        listeners.start();
    }

    @Override
    public void destroy() throws Exception {
        listeners.stop();
        listeners.destroy();
        repository.destroy();
    }

    @Override
    public String create(SessionRecord draft) {
        RedisSession session = repository.createSession();
        session.setAttribute(
                FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
                draft.userId().toString());
        session.setAttribute(USER, draft.userId().toString());
        session.setAttribute(
                TENANT, draft.tenantId() == null ? "" : draft.tenantId().toString());
        session.setAttribute(EMAIL, draft.email());
        session.setAttribute(
                PASSWORD_CHANGED_AT,
                draft.passwordChangedAt() == null
                        ? ""
                        : draft.passwordChangedAt().toString());
        session.setAttribute(NODE, draft.node());
        session.setAttribute(CLIENT_ADDRESS, draft.clientAddress() == null ? "" : draft.clientAddress());
        session.setAttribute(USER_AGENT, draft.userAgent() == null ? "" : draft.userAgent());
        repository.save(session);
        return session.getId();
    }

    @Override
    public Optional<SessionRecord> find(String id) {
        return Optional.ofNullable(repository.findById(id)).map(RedisSessionStore::toRecord);
    }

    @Override
    public Touch touch(String id, String node, Instant now) {
        RedisSession session = repository.findById(id);
        if (session == null) {
            return Boolean.TRUE.equals(strings.hasKey(endedKey(id))) ? Touch.ENDED : Touch.LOST;
        }
        session.setLastAccessedTime(now);
        if (!node.equals(session.getAttribute(NODE))) {
            session.setAttribute(NODE, node);
        }
        repository.save(session);
        return Touch.LIVE;
    }

    @Override
    public List<SessionRecord> findByUser(UUID userId) {
        Map<String, RedisSession> live = repository.findByPrincipalName(userId.toString());
        // Spring Session leaves the ids of expired sessions in the index (it would remove them on
        // keyspace events, which are off): drop them here.
        String indexKey =
                namespace + "index:" + FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME + ":" + userId;
        Set<String> indexed = strings.opsForSet().members(indexKey);
        if (indexed != null) {
            Object[] stale =
                    indexed.stream().filter(id -> !live.containsKey(id)).toArray();
            if (stale.length > 0) {
                strings.opsForSet().remove(indexKey, stale);
            }
        }
        List<SessionRecord> records = new ArrayList<>();
        live.values().forEach(session -> records.add(toRecord(session)));
        return records;
    }

    @Override
    public void end(Collection<String> ids) {
        for (String id : ids) {
            strings.opsForValue().set(endedKey(id), "1", idleTimeout);
            repository.deleteById(id);
            strings.convertAndSend(endedChannel.getTopic(), id);
        }
    }

    @Override
    public void onEnded(Consumer<String> ended) {
        endedListeners.add(ended);
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String id = new String(message.getBody(), StandardCharsets.UTF_8);
        endedListeners.forEach(listener -> listener.accept(id));
    }

    @Override
    public boolean shared() {
        return true;
    }

    private String endedKey(String id) {
        return namespace + "ended:" + id;
    }

    private static SessionRecord toRecord(RedisSession session) {
        String passwordChangedAt = session.getAttribute(PASSWORD_CHANGED_AT);
        String tenant = session.getAttribute(TENANT);
        return new SessionRecord(
                session.getId(),
                UUID.fromString(session.getAttribute(USER)),
                tenant == null || tenant.isEmpty() ? null : UUID.fromString(tenant),
                session.getAttribute(EMAIL),
                passwordChangedAt == null || passwordChangedAt.isEmpty() ? null : Instant.parse(passwordChangedAt),
                session.getAttribute(NODE),
                session.getCreationTime(),
                session.getLastAccessedTime(),
                session.getAttribute(CLIENT_ADDRESS),
                session.getAttribute(USER_AGENT));
    }
}
