package com.nexo.security.sessions;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The browser's cookie that carries a session record's id ({@code nexo.sessions.cookie-name}), apart
 * from the servlet container's own session cookie: it lets another node take a session over. HTTP
 * only, same-site Lax, secure over HTTPS, for the browser session.
 */
final class SessionCookie {

    private final String name;

    SessionCookie(String name) {
        this.name = name;
    }

    /** The record id the request carries; null without one. */
    String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** Hands the record id to the browser, unless the response is already on its way. */
    void write(HttpServletRequest request, HttpServletResponse response, String recordId) {
        if (!response.isCommitted()) {
            response.addHeader(
                    HttpHeaders.SET_COOKIE, cookie(request, recordId, -1).toString());
        }
    }

    /** Makes the browser forget the cookie, if it sent one. */
    void expire(HttpServletRequest request, HttpServletResponse response) {
        if (read(request) != null && !response.isCommitted()) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", 0).toString());
        }
    }

    private ResponseCookie cookie(HttpServletRequest request, String value, long maxAgeSeconds) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        return ResponseCookie.from(name, value)
                .path(path)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .maxAge(maxAgeSeconds)
                .build();
    }
}
