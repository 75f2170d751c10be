package com.nexo.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.HttpVisitor;
import com.nexo.testing.NexoSpringTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The PWA's manifest and icons are fetched by browsers without cookies on every page load: they are
 * served without creating a session (none was left behind for each page before), and a visitor's own
 * session is neither replaced nor disturbed by them.
 */
@NexoSpringTest
class PwaRequestsWithoutSessionsTest {

    private static final String SPANISH = "es-ES,es;q=0.9";

    @LocalServerPort
    private int port;

    @Test
    void the_manifest_and_its_icons_are_served_without_a_session() throws Exception {
        for (String path : new String[] {"/manifest.webmanifest", "/icons/icon-192x192.png"}) {
            HttpResponse<String> answer = new HttpVisitor(port, SPANISH).get(path, "*/*");

            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
        HttpResponse<String> manifest = new HttpVisitor(port, SPANISH).get("/manifest.webmanifest", "*/*");
        assertThat(manifest.body()).contains("\"name\"", "NEXO");
    }

    @Test
    void a_page_still_gets_its_session() throws Exception {
        HttpResponse<String> login = new HttpVisitor(port, SPANISH).open("/login");

        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("JSESSIONID="));
    }

    @Test
    void a_logged_in_visitor_keeps_its_session_across_them() throws Exception {
        HttpVisitor visitor = new HttpVisitor(port, SPANISH).logIn("consulta@demo.nexo", "Demo-2026!");

        HttpResponse<String> manifest = visitor.get("/manifest.webmanifest", "*/*");
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> page = visitor.open("/accounts");
        assertThat(page.statusCode()).isEqualTo(200);
    }
}
