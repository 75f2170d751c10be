package com.nexo.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** A visitor of the running application over HTTP, for tests outside this package (see {@link Browser}). */
public final class HttpVisitor {

    private final Browser browser;

    public HttpVisitor(int port) {
        this.browser = new Browser(port);
    }

    /** Logs in through the login form; true when the application let the visitor in. */
    public boolean logIn(String email, String password) {
        try {
            return browser.logIn(email, password).isLoggedInRedirect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status of a GET: 200 when logged in, 302 (to the login page) when not. */
    public int status(String path) {
        try {
            return browser.get(path).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Optional<String> cookie(String name) {
        return browser.cookie(name);
    }
}
