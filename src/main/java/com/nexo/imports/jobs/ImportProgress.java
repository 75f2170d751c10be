package com.nexo.imports.jobs;

import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who watches which import on this node (the detail screens): told after each committed chunk and
 * each change of state. A screen on another node reads the import again when opened.
 */
@Component
class ImportProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ImportProgress.class);

    private final Map<UUID, List<Consumer<ImportSummary>>> listeners = new ConcurrentHashMap<>();

    Registration subscribe(UUID importId, Consumer<ImportSummary> listener) {
        listeners.computeIfAbsent(importId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(importId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    boolean watched(UUID importId) {
        return listeners.containsKey(importId);
    }

    void publish(ImportSummary summary) {
        for (Consumer<ImportSummary> listener : listeners.getOrDefault(summary.id(), List.of())) {
            try {
                listener.accept(summary);
            } catch (RuntimeException e) {
                LOG.warn("A listener of import {} failed", summary.id(), e);
            }
        }
    }
}
