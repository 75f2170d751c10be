package com.nexo.security.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.session.UuidSessionIdGenerator;

/**
 * Session records of a single node without Redis: kept in this node's memory and lost with it, like
 * its sessions. Records idle longer than the session timeout count as gone.
 */
final class MemorySessionStore implements SessionStore {

    private final Map<String, SessionRecord> records = new ConcurrentHashMap<>();
    private final List<Consumer<String>> endedListeners = new CopyOnWriteArrayList<>();
    private final Duration idleTimeout;
    private final Clock clock;

    MemorySessionStore(Duration idleTimeout, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    @Override
    public String create(SessionRecord draft) {
        String id = UuidSessionIdGenerator.getInstance().generate();
        Instant now = clock.instant();
        records.put(
                id,
                new SessionRecord(
                        id,
                        draft.userId(),
                        draft.tenantId(),
                        draft.email(),
                        draft.passwordChangedAt(),
                        draft.node(),
                        now,
                        now,
                        draft.clientAddress(),
                        draft.userAgent()));
        return id;
    }

    @Override
    public Optional<SessionRecord> find(String id) {
        SessionRecord found = records.get(id);
        if (found != null && found.lastAccessAt().plus(idleTimeout).isBefore(clock.instant())) {
            records.remove(id, found);
            return Optional.empty();
        }
        return Optional.ofNullable(found);
    }

    @Override
    public Touch touch(String id, String node, Instant now) {
        // In this node's memory, a record cannot be lost: gone means ended (or expired with its session).
        return find(id).map(found -> {
                    records.computeIfPresent(id, (key, current) -> current.servedBy(node, now));
                    return Touch.LIVE;
                })
                .orElse(Touch.ENDED);
    }

    @Override
    public List<SessionRecord> findByUser(UUID userId) {
        return records.keySet().stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .filter(found -> found.userId().equals(userId))
                .toList();
    }

    @Override
    public void end(Collection<String> ids) {
        for (String id : ids) {
            records.remove(id);
            endedListeners.forEach(listener -> listener.accept(id));
        }
    }

    @Override
    public void onEnded(Consumer<String> ended) {
        endedListeners.add(ended);
    }

    @Override
    public boolean shared() {
        return false;
    }
}
