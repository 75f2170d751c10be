package com.nexo.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.ui.Translations;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page Spring's error handling shows, for errors that cannot be provoked from outside on purpose
 * (a server error): its status, its language and that no detail of the failure reaches it.
 */
class ErrorPagesTest {

    private final ErrorPages pages = new ErrorPages(new Translations());

    @Test
    void a_server_error_shows_an_incident_number_and_nothing_of_the_failure() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.addPreferredLocale(Locale.of("es"));
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/broken");
        request.setAttribute(
                RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret-internal-detail <b>"));

        MockHttpServletResponse response = render(request, HttpStatus.INTERNAL_SERVER_ERROR);

        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString())
                .contains("<html lang=\"es\">", "<h1>Algo ha fallado</h1>", "Ir a la página de inicio")
                .containsPattern("número de incidencia [0-9A-F]{8}")
                .doesNotContain("secret-internal-detail", "IllegalStateException", "/broken");
    }

    @Test
    void the_language_chosen_in_this_browser_wins_over_the_browsers_own() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.addPreferredLocale(Locale.of("es"));
        request.setCookies(new Cookie("nexo-lang", "en"));

        MockHttpServletResponse response = render(request, HttpStatus.NOT_FOUND);

        assertThat(response.getContentAsString()).contains("<html lang=\"en\">", "<h1>Page not found</h1>");
    }

    @Test
    void another_browser_language_reads_english_and_a_bad_request_says_so() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.addPreferredLocale(Locale.GERMAN);

        MockHttpServletResponse response = render(request, HttpStatus.METHOD_NOT_ALLOWED);

        assertThat(response.getContentAsString())
                .contains("<html lang=\"en\">", "<h1>The request could not be handled</h1>");
    }

    private MockHttpServletResponse render(MockHttpServletRequest request, HttpStatus status) throws Exception {
        ModelAndView page = pages.resolveErrorView(request, status, Map.of());
        assertThat(page.getStatus()).isEqualTo(status);
        MockHttpServletResponse response = new MockHttpServletResponse();
        page.getView().render(Map.of(), request, response);
        return response;
    }
}
