package com.nexo.support.requests;

import com.nexo.support.RequestState;
import java.util.UUID;

/**
 * What the back office's list shows: every argument null or blank means "any".
 *
 * @param text words of the subject
 */
public record RequestFilter(RequestState state, UUID accountId, String text) {

    public static RequestFilter all() {
        return new RequestFilter(null, null, null);
    }
}
