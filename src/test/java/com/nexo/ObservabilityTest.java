package com.nexo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.NexoSpringTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What operations and browsers see over real HTTP: health for probes, metrics only for Prometheus,
 * the PWA files and styles without a login, and never a stack trace.
 */
@NexoSpringTest
class ObservabilityTest {

    private static final String METRICS_USER = "metrics";
    /** Set for tests in {@code application-test.properties}. */
    private static final String METRICS_PASSWORD = "test-metrics-secret";

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    private int port;

    @Test
    void health_is_up_and_public_without_details() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"status\":\"UP\"")
                .doesNotContain("components", "details", "db", "redis", "postgres", "PostgreSQL");
    }

    @Test
    void kubernetes_probes_answer_without_login() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheus_metrics_need_the_metrics_account() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/prometheus");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(anonymous.body()).doesNotContain("jvm_", "Exception", "\tat ");

        HttpResponse<String> wrongPassword = get("/actuator/prometheus", basicAuth(METRICS_USER, "wrong"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void prometheus_serves_standard_metrics_to_the_metrics_account() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", basicAuth(METRICS_USER, METRICS_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes", "process_uptime_seconds");
    }

    @Test
    void other_actuator_endpoints_are_closed_to_anonymous_callers() throws Exception {
        assertThat(get("/actuator/metrics").statusCode()).isEqualTo(401);
        // Not exposed at all, but a caller without the metrics account cannot even tell.
        assertThat(get("/actuator/env").statusCode()).isEqualTo(401);
    }

    @Test
    void the_application_sends_an_anonymous_visitor_to_the_login_page() throws Exception {
        HttpResponse<String> response = get("/");

        if (response.statusCode() / 100 == 3) {
            assertThat(response.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        } else {
            assertThat(response.statusCode()).isEqualTo(200);
        }
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "at com.", "at org.");
    }

    @Test
    void the_login_page_is_served_without_a_stack_trace() throws Exception {
        HttpResponse<String> response = get("/login");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "at com.", "at org.");
    }

    @Test
    void an_unknown_non_vaadin_path_answers_without_a_stack_trace() throws Exception {
        HttpResponse<String> response = get("/no-such-file.txt");

        assertThat(response.body()).doesNotContain("Exception", "\tat ", "at com.", "at org.");
    }

    @Test
    void the_web_app_manifest_is_public_and_names_nexo() throws Exception {
        HttpResponse<String> response = get("/manifest.webmanifest");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"NEXO\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sw.js", "/offline.html", "/icons/icon.png", "/styles/nexo.css"})
    void pwa_files_and_styles_are_public(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path).isNotEmpty();
    }

    @Test
    void the_offline_page_speaks_both_languages() throws Exception {
        assertThat(get("/offline.html").body()).contains("lang=\"es\"", "lang=\"en\"", "NEXO");
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/json,*/*");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String[] basicAuth(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + token};
    }
}
