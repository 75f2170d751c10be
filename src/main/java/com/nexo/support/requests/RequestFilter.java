package com.nexo.support.requests;

import com.nexo.support.RequestState;
import com.nexo.support.Requester;
import java.util.UUID;

/**
 * What the back office's list shows: every argument null or blank means "any".
 *
 * @param requester the portal requests were opened from
 * @param text words of the subject
 */
public record RequestFilter(RequestState state, Requester requester, UUID accountId, String text) {

    public static RequestFilter all() {
        return new RequestFilter(null, null, null, null);
    }

    /** Requests in {@code state} (null: any), for a portal's own list. */
    static RequestFilter inState(RequestState state) {
        return new RequestFilter(state, null, null, null);
    }
}
