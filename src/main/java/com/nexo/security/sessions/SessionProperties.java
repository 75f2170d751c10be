package com.nexo.security.sessions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where session records live and how often a node checks them ({@code nexo.sessions.*}).
 *
 * @param store {@code redis}: records in Redis, shared by every node (the default); {@code memory}:
 *     records in this node's memory, for a single node without Redis
 * @param keyPrefix prefix of every Redis key and channel of the session layer; tests give each run its own
 * @param cookieName the cookie that carries the session record's id from node to node
 * @param touchInterval at most this often per session, a request checks that its record still exists and
 *     records the access; a revocation message missed by a node still ends the session within this time
 * @param retryInterval after Redis failed, how long the node works without it before trying again
 * @param node the name shown for this node; empty: the host name and HTTP port
 */
@ConfigurationProperties("nexo.sessions")
record SessionProperties(
        Store store, String keyPrefix, String cookieName, Duration touchInterval, Duration retryInterval, String node) {

    enum Store {
        REDIS,
        MEMORY
    }

    SessionProperties {
        store = store == null ? Store.REDIS : store;
        keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "nexo:sessions" : keyPrefix;
        cookieName = cookieName == null || cookieName.isBlank() ? "NEXO_SESSION" : cookieName;
        touchInterval = touchInterval == null ? Duration.ofSeconds(5) : touchInterval;
        retryInterval = retryInterval == null ? Duration.ofSeconds(5) : retryInterval;
        node = node == null ? "" : node.strip();
    }
}
