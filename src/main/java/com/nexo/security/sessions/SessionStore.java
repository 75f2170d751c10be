package com.nexo.security.sessions;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Session records shared by every node (Redis), or kept by the one node there is (memory). Every
 * method may throw {@link org.springframework.dao.DataAccessException} when the store cannot be reached.
 */
interface SessionStore {

    /** Saves a new record; the returned id goes into the session cookie. */
    String create(SessionRecord draft);

    Optional<SessionRecord> find(String id);

    /**
     * Records an access by {@code node}, and tells whether the record is still there. Nothing is written
     * unless it is.
     */
    Touch touch(String id, String node, Instant now);

    /** What a node learns when it touches a record. */
    enum Touch {
        /** The record is there, and now knows of the access. */
        LIVE,
        /** The record was ended (logout, administrator, access change): the session must end. */
        ENDED,
        /**
         * The record is gone without having been ended: Redis lost its data (restarted without
         * persistence, flushed) or it expired while the node's session lived on. The node writes it again.
         */
        LOST
    }

    /** The live records of a user. */
    List<SessionRecord> findByUser(UUID userId);

    /**
     * Deletes the records, remembers for the session timeout that they were ended (a node that missed
     * the announcement learns it on its next touch), and tells every node to end its local sessions for
     * them, at once.
     */
    void end(Collection<String> ids);

    /** Calls {@code ended} with each id another node (or this one) ended through {@link #end}. */
    void onEnded(Consumer<String> ended);

    /** Whether this store is shared by several nodes. */
    boolean shared();
}
