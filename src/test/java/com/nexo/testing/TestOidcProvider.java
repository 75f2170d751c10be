package com.nexo.testing;

import java.io.IOException;
import java.net.ServerSocket;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real OpenID Connect provider for the whole test run (no.nav's mock-oauth2-server on a free local
 * port), started before the one Spring context so that the context's single sign-on registration
 * ({@code application-test.properties}) can read the provider's discovery document at start-up. Its
 * issuer URL is published as the system property {@value #ISSUER_PROPERTY}. Tests tell it whom to sign
 * on next with {@link #server()}{@code .enqueueCallback(...)}.
 */
public class TestOidcProvider implements LauncherSessionListener {

    public static final String ISSUER_PROPERTY = "nexo.test.oidc.issuer";

    /** The issuer's path on the mock server, also its id in token callbacks. */
    public static final String ISSUER_ID = "nexo-test-idp";

    /** The client NEXO is registered as at the provider (see application-test.properties). */
    public static final String CLIENT_ID = "nexo-test-client";

    private static MockOAuth2Server server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    private static synchronized void start() {
        if (server != null) {
            return;
        }
        MockOAuth2Server started = new MockOAuth2Server();
        started.start(freePort());
        server = started;
        System.setProperty(ISSUER_PROPERTY, started.issuerUrl(ISSUER_ID).toString());
    }

    private static synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server = null;
            System.clearProperty(ISSUER_PROPERTY);
        }
    }

    /** The running provider. */
    public static synchronized MockOAuth2Server server() {
        if (server == null) {
            throw new IllegalStateException("The test OpenID Connect provider is not running");
        }
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the test OpenID Connect provider", e);
        }
    }
}
