package com.nexo.support.requests;

import com.nexo.support.RequestCategory;
import com.nexo.support.RequestState;
import com.nexo.support.Requester;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request with its conversation, oldest message first.
 *
 * @param requester the portal it was opened from
 * @param accountName the requester's account name (back office only; null in the portal)
 * @param assignedName the employee looking after it (back office only; null when nobody)
 * @param version what a change must name, so that a change made meanwhile is detected
 */
public record RequestDetail(
        UUID id,
        String subject,
        RequestCategory category,
        RequestState state,
        UUID partyId,
        Requester requester,
        String accountName,
        String openedByName,
        UUID assignedTo,
        String assignedName,
        Instant createdAt,
        long version,
        List<Message> messages) {

    public RequestDetail {
        messages = List.copyOf(messages);
    }

    public boolean isClosed() {
        return state == RequestState.CLOSED;
    }

    /** One message and the files sent with it. */
    public record Message(
            UUID id, boolean fromStaff, String authorName, String body, Instant createdAt, List<Attachment> files) {
        public Message {
            files = List.copyOf(files);
        }
    }

    /** A file sent with a message. */
    public record Attachment(UUID fileId, String name, String contentType, long size) {}
}
