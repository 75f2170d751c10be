package com.nexo.support.requests;

import java.util.UUID;

/**
 * The addresses of the request pages: the pages' routes are built from them, and the mails link to one
 * request through them (absolute, by base's {@code PublicLinks}).
 */
public final class RequestRoutes {

    /** A portal actor's requests; one request is {@code portal/requests/<id>}. */
    public static final String PORTAL = "portal/requests";
    /** The back office's requests; one request is {@code support/requests/<id>}. */
    public static final String DESK = "support/requests";

    private RequestRoutes() {}

    /** The portal page of one request, where its requester reads and replies. */
    public static String portal(UUID request) {
        return PORTAL + "/" + request;
    }

    /** The back-office page of one request, where staff answers it. */
    public static String desk(UUID request) {
        return DESK + "/" + request;
    }
}
