package com.nexo.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.HttpVisitor;
import com.nexo.testing.NexoSpringTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Addresses that lead nowhere, opened over plain HTTP as a browser opens them, logged in and not: each
 * gets NEXO's own page in the visitor's language with a fitting status, never Spring's English
 * "Whitelabel Error Page", a stack trace or the login form for a page that does not exist.
 */
@NexoSpringTest
class UnknownAddressesTest {

    private static final String SPANISH = "es-ES,es;q=0.9";
    private static final String ENGLISH = "en-GB,en;q=0.9";
    private static final String PASSWORD = "Demo-2026!";

    @LocalServerPort
    private int port;

    // --- Logged out ------------------------------------------------------------------------------

    @Test
    void a_stranger_opening_an_unknown_address_gets_the_not_found_page_in_spanish() throws Exception {
        for (String path : new String[] {"/no-such-page", "/admin/no-such-page", "/login/no-such-page", "/a%20b"}) {
            HttpResponse<String> page = stranger(SPANISH).open(path);

            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertNexoPage(page, "Página no encontrada");
        }
    }

    @Test
    void a_stranger_whose_browser_reads_english_gets_it_in_english() throws Exception {
        HttpResponse<String> page = stranger(ENGLISH).open("/no-such-page");

        assertThat(page.statusCode()).isEqualTo(404);
        assertNexoPage(page, "Page not found");
    }

    @Test
    void a_stranger_opening_a_real_page_is_still_sent_to_the_login_form() throws Exception {
        for (String path : new String[] {"/", "/admin/roles", "/accounts/1"}) {
            HttpResponse<String> page = stranger(SPANISH).open(path);

            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location"))
                    .as(path)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        }
    }

    @Test
    void an_unknown_file_under_vaadins_folder_gets_the_small_translated_error_page() throws Exception {
        HttpResponse<String> page = stranger(SPANISH).open("/VAADIN/build/indexhtml-gone.js");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertNexoPage(page, "<h1>Página no encontrada</h1>");
        assertThat(page.body()).contains("<html lang=\"es\">", "Ir a la página de inicio");
    }

    @Test
    void a_post_to_an_unknown_address_is_refused_with_the_translated_page() throws Exception {
        HttpResponse<String> answer = stranger(ENGLISH).post("/no-such-page", "a=b");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertNexoPage(answer, "<h1>Page not found</h1>");
    }

    @Test
    void a_malformed_address_gets_the_translated_bad_request_page() throws Exception {
        HttpResponse<String> page = stranger(SPANISH).open("/accounts//1");

        assertThat(page.statusCode()).isEqualTo(400);
        assertNexoPage(page, "<h1>No se ha podido atender la petición</h1>");
    }

    @Test
    void only_a_browser_asking_for_a_page_is_let_through_and_controllers_stay_closed() throws Exception {
        // Not a page load: the default refusal holds (the login form, for a stranger).
        HttpResponse<String> script = stranger(SPANISH).get("/no-such-page", "*/*");
        assertThat(script.statusCode()).isEqualTo(302);
        // The error controller answers errors; opened directly it is not a page either.
        HttpResponse<String> errorController = stranger(SPANISH).open("/error");
        assertThat(errorController.statusCode()).isEqualTo(302);
    }

    // --- Logged in -------------------------------------------------------------------------------

    @Test
    void a_logged_in_user_opening_an_unknown_address_gets_the_not_found_page() throws Exception {
        HttpVisitor admin = stranger(ENGLISH).logIn("admin@demo.nexo", PASSWORD);
        for (String path :
                new String[] {"/no-such-page", "/admin/no-such-page", "/admin/roles/extra", "/icons/gone.png"}) {
            HttpResponse<String> page = admin.open(path);

            assertThat(page.statusCode()).as(path).isEqualTo(404);
            // The user's own language wins over the browser's.
            assertNexoPage(page, "Página no encontrada");
        }
    }

    @Test
    void a_page_the_user_may_not_open_reads_the_same_as_one_that_does_not_exist() throws Exception {
        HttpVisitor client = stranger(SPANISH).logIn("cliente@demo.nexo", PASSWORD);

        HttpResponse<String> page = client.open("/admin/roles");

        assertThat(page.statusCode()).isEqualTo(404);
        assertNexoPage(page, "Página no encontrada");
    }

    @Test
    void an_english_users_error_pages_are_in_english_whatever_the_browser_reads() throws Exception {
        HttpVisitor admin = stranger(SPANISH).logIn("admin@northwind.nexo", PASSWORD);

        assertNexoPage(admin.open("/no-such-page"), "Page not found");
        HttpResponse<String> file = admin.open("/VAADIN/build/gone.css");
        assertThat(file.statusCode()).isEqualTo(404);
        assertNexoPage(file, "<h1>Page not found</h1>");
    }

    @Test
    void a_stale_download_link_gets_the_not_found_page() throws Exception {
        HttpVisitor admin = stranger(SPANISH).logIn("admin@demo.nexo", PASSWORD);

        HttpResponse<String> page =
                admin.open("/VAADIN/dynamic/resource/7/0b6a1d6e-0000-4000-8000-000000000000/cuentas.csv");

        assertThat(page.statusCode()).isEqualTo(404);
        assertNexoPage(page, "<h1>Página no encontrada</h1>");
    }

    @Test
    void a_logged_in_users_post_to_an_unknown_address_is_refused_with_the_translated_page() throws Exception {
        HttpVisitor admin = stranger(SPANISH).logIn("admin@demo.nexo", PASSWORD);
        String csrf = HttpVisitor.csrfField(admin.open("/").body());

        HttpResponse<String> answer = admin.post("/no-such-page", csrf);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertNexoPage(answer, "<h1>Página no encontrada</h1>");
    }

    private HttpVisitor stranger(String languages) {
        return new HttpVisitor(port, languages);
    }

    private static void assertNexoPage(HttpResponse<String> page, String text) {
        assertThat(page.body())
                .as("page of %s", page.uri())
                .contains(text)
                .doesNotContain("Whitelabel", "Exception", "at com.", "at org.", "Tomcat");
    }
}
