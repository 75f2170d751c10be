package com.nexo.base.notifications;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the open bells of a user, on this node, that it got a notification (after the notifying
 * transaction committed), so that they refresh at once through server push. A bell on another node
 * refreshes on its user's next navigation.
 */
@Component
public class NotificationSignals {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSignals.class);

    private final Map<UUID, Set<Runnable>> listeners = new ConcurrentHashMap<>();

    /** Runs {@code listener} whenever {@code userId} is notified, until the returned handle runs. */
    public Runnable listen(UUID userId, Runnable listener) {
        listeners.computeIfAbsent(userId, user -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(userId, (user, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    void signal(UUID userId) {
        for (Runnable listener : listeners.getOrDefault(userId, Set.of())) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.debug("A bell of user {} could not be told: {}", userId, e.toString());
            }
        }
    }
}
