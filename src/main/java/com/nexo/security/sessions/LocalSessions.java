package com.nexo.security.sessions;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's own HTTP sessions, by the id of their record in the session store: when a record ends
 * (on any node), the local session for it ends too.
 */
final class LocalSessions {

    private static final Logger log = LoggerFactory.getLogger(SessionTracker.class);

    private final Map<String, HttpSession> byRecord = new ConcurrentHashMap<>();

    /** The session now belongs to this record. */
    void attach(String recordId, HttpSession session) {
        byRecord.put(recordId, session);
    }

    /** Forgets the session of this record, if it is still this one (the session lives on). */
    void detach(String recordId, HttpSession session) {
        byRecord.remove(recordId, session);
    }

    /** The record ended: ends this node's session for it, if there is one. */
    void end(String recordId, String node) {
        HttpSession session = byRecord.remove(recordId);
        if (session != null) {
            try {
                session.invalidate();
                log.info(
                        "Session record {}… ended: local session ended on node {}",
                        SessionTracker.abbreviated(recordId),
                        node);
            } catch (IllegalStateException alreadyEnded) {
                // ended meanwhile by its own timeout or logout
            }
        }
    }
}
