package com.nexo.crm.webforms;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many posts one client address may make to the web-to-lead endpoint: {@code limit} in any
 * {@code window} (10 in 10 minutes by default), counted in this node's memory. Every post counts,
 * good, bad or to an unknown token, so guessing tokens is slowed down too.
 */
@Component
class WebToLeadRateLimit {

    /** Addresses kept at most; beyond that the oldest-looking entries are dropped. */
    private static final int MAX_ADDRESSES = 100_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> posts = new ConcurrentHashMap<>();

    @Autowired
    WebToLeadRateLimit(
            @Value("${nexo.crm.web-to-lead.limit:10}") int limit,
            @Value("${nexo.crm.web-to-lead.window:10m}") Duration window) {
        this(limit, window, Clock.systemUTC());
    }

    WebToLeadRateLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts a post from {@code address}; false when the address is over its limit (the post is refused). */
    boolean allow(String address) {
        long now = clock.millis();
        long since = now - window.toMillis();
        if (posts.size() > MAX_ADDRESSES) {
            posts.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    return entry.getValue().isEmpty() || entry.getValue().peekLast() < since;
                }
            });
        }
        Deque<Long> times = posts.computeIfAbsent(address == null ? "" : address, key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < since) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    int limit() {
        return limit;
    }

    long windowMinutes() {
        return window.toMinutes();
    }

    /** Forgets every address (tests). */
    void reset() {
        posts.clear();
    }
}
