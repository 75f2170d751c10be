package com.nexo.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.security.Browser;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The client address NEXO logs and throttles is the connection's, unless the connection comes from
 * the configured proxy. The test profile trusts 127.0.0.2 as that proxy
 * ({@code server.tomcat.remoteip.internal-proxies}); 127.0.0.1 plays a stranger on the same machine
 * or network, which the default Tomcat setting would have trusted too (it trusts every loopback and
 * private address).
 */
@NexoSpringTest
class ForwardedAddressTest {

    private static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    private static final String PASSWORD = "Forwarded-Test-31";

    @LocalServerPort
    private int port;

    @Autowired
    private UserService users;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void a_forged_forwarded_for_header_changes_neither_the_logged_address_nor_the_throttle() throws Exception {
        String email = newUser();
        Browser stranger = new Browser(port, InetAddress.getByName("127.0.0.1"));
        List<String> forged = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String address = "203.0.113." + i;
            forged.add(address);
            stranger.header("X-Forwarded-For", address);
            assertThat(stranger.logIn(email, "wrong-" + i).isLoginError()).isTrue();
        }

        // Five failures and, after the last one, the lock-out of the account: all from the real address.
        assertThat(loggedAddresses(email)).hasSizeGreaterThanOrEqualTo(5).containsOnly("127.0.0.1");
        assertThat(throttledAddresses())
                .as("addresses the login throttle counts failures for")
                .contains("127.0.0.1")
                .doesNotContainAnyElementsOf(forged);
    }

    @Test
    void the_configured_proxy_is_believed_and_its_own_address_is_not_logged() throws Exception {
        String email = newUser();
        Browser proxy = new Browser(port, InetAddress.getByName("127.0.0.2"));
        proxy.header("X-Forwarded-For", "198.51.100.23");
        assertThat(proxy.logIn(email, "wrong")).matches(answer -> answer.isLoginError(), "a login error");
        proxy.header("X-Forwarded-For", "198.51.100.24");
        assertThat(proxy.logIn(email, PASSWORD).isLoggedInRedirect()).isTrue();

        assertThat(loggedAddresses(email)).containsExactly("198.51.100.23", "198.51.100.24");
        assertThat(throttledAddresses()).contains("198.51.100.23").doesNotContain("127.0.0.2");
    }

    @Test
    void a_header_appended_behind_the_proxy_does_not_let_a_client_choose_its_address() throws Exception {
        // What HAProxy's "option forwardfor" would send: the client's own header, then the real
        // address. The proxy's configuration replaces the header; should it ever append, Tomcat takes
        // the right-most address that no trusted proxy added, the client's real one.
        String email = newUser();
        Browser proxy = new Browser(port, InetAddress.getByName("127.0.0.2"));
        proxy.header("X-Forwarded-For", "203.0.113.99, 198.51.100.77");
        assertThat(proxy.logIn(email, "wrong").isLoginError()).isTrue();

        assertThat(loggedAddresses(email)).containsExactly("198.51.100.77");
    }

    private String newUser() {
        String tag = UUID.randomUUID().toString().substring(0, 12);
        String email = "forwarded-" + tag + "@forwarded.test";
        TenantContext.callAsSystem(
                DEMO_TENANT,
                null,
                () -> users.createUser(new NewUser(
                        email, "Forwarded " + tag, ActorType.EMPLOYEE, null, Set.of("read-only"), PASSWORD, "es")));
        return email;
    }

    private List<String> loggedAddresses(String email) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        return TenantContext.callAsSystem(
                DEMO_TENANT,
                null,
                () -> transaction.execute(status -> jdbc.queryForList(
                        "SELECT address FROM security_event WHERE email = lower(?) ORDER BY occurred_at, id",
                        String.class,
                        email)));
    }

    /**
     * The addresses in the throttle's table. No application role may read it (only its functions
     * touch it), so this observer reads it as the database administrator.
     */
    private static List<String> throttledAddresses() throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(TestDatabase.url(), "postgres", "");
                PreparedStatement select =
                        admin.prepareStatement("SELECT key FROM login_throttle WHERE kind = 'address'");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }
}
