package com.nexo.cms.web;

import com.nexo.cms.ContentLanguage;
import com.nexo.cms.content.ContentChanged;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rendered public pages by tenant code, slug and language, so that a warm page costs no database
 * round trip: bounded ({@link #MAX_ENTRIES}), each entry kept {@link #TIME_TO_LIVE} at most, and an
 * item's pages (with its tenant's index) dropped as soon as a change to it is committed. The time to
 * live bounds what no event announces (a tenant suspended, an item expiring by its date before the
 * schedule runs).
 */
@Component
class PublicPageCache {

    static final int MAX_ENTRIES = 5_000;
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

    /** {@code slug} empty for the tenant's index. */
    record Key(String tenantCode, String slug, ContentLanguage language) {}

    private record Entry(PublicPage page, long expiresAt) {}

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    /** Raised by every change: a page rendered from what was read before it is not kept. */
    private final AtomicLong generation = new AtomicLong();

    private final LongSupplier nanos;

    PublicPageCache() {
        this(System::nanoTime);
    }

    PublicPageCache(LongSupplier nanos) {
        this.nanos = nanos;
    }

    Optional<PublicPage> get(Key key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanos.getAsLong() - entry.expiresAt() > 0) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.page());
    }

    /** What {@link #put} needs: taken before the page's content is read. */
    long generation() {
        return generation.get();
    }

    /** Keeps a page unless some content changed since {@code readAt} ({@link #generation()}). */
    void put(Key key, PublicPage page, long readAt) {
        if (entries.size() >= MAX_ENTRIES) {
            makeRoom();
        }
        entries.put(key, new Entry(page, nanos.getAsLong() + TIME_TO_LIVE.toNanos()));
        if (generation.get() != readAt) {
            entries.remove(key);
        }
    }

    int size() {
        return entries.size();
    }

    /**
     * Drops the changed item's pages (by its slug before and after) and its tenant's index, once the
     * change is committed (or at once, when published outside a transaction).
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ContentChanged changed) {
        generation.incrementAndGet();
        entries.entrySet().removeIf(entry -> {
            PublicPage page = entry.getValue().page();
            return Objects.equals(page.tenantId(), changed.tenantId())
                    && (page.slug() == null
                            || page.slug().equals(changed.slug())
                            || page.slug().equals(changed.previousSlug()));
        });
    }

    /** The expired entries go; when none had, a tenth of the others (the cache is a bound, not a store). */
    private void makeRoom() {
        long now = nanos.getAsLong();
        entries.values().removeIf(entry -> now - entry.expiresAt() > 0);
        int excess = entries.size() - MAX_ENTRIES + MAX_ENTRIES / 10;
        Iterator<Key> keys = entries.keySet().iterator();
        while (excess-- > 0 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
