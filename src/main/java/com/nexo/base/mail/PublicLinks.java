package com.nexo.base.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links to the application's pages, for mails: the address users reach the installation at
 * ({@code nexo.public-address}, from {@code NEXO_PUBLIC_ADDRESS}; behind a proxy, the proxy's) followed
 * by a page's route. A mail cannot know the address of the request that caused it (a background thread
 * has none, and behind a proxy it is the wrong one), so every module's links start here.
 */
@Component
public class PublicLinks {

    private final String address;

    PublicLinks(@Value("${nexo.public-address}") String address) {
        String trimmed = address.strip();
        this.address = trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }

    /** The absolute link to {@code route} (a page's address inside the application, e.g. {@code portal/requests/<id>}). */
    public String to(String route) {
        return address + (route.startsWith("/") ? route.substring(1) : route);
    }
}
