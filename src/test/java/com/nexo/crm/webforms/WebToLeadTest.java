package com.nexo.crm.webforms;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.crm.CrmLeadFixtures;
import com.nexo.crm.leads.LeadDetails;
import com.nexo.crm.leads.LeadDuplicate;
import com.nexo.crm.leads.LeadFilter;
import com.nexo.crm.leads.LeadRow;
import com.nexo.crm.leads.LeadService;
import com.nexo.crm.leads.LeadSource;
import com.nexo.testing.NexoSpringTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The web-to-lead endpoint over real HTTP, without login or CSRF token, as a tenant's web site posts
 * to it: a good post creates a lead with source WEB (form post and JSON), a duplicate is flagged, bad
 * input is refused naming the fields, the honeypot creates nothing, the rate limit answers 429, an
 * unknown or disabled token 404, and a token creates leads only in its own tenant.
 */
@NexoSpringTest
class WebToLeadTest {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private WebFormService forms;

    @Autowired
    private LeadService leads;

    @Autowired
    private WebToLeadRateLimit rateLimit;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private CrmLeadFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CrmLeadFixtures(context);
        rateLimit.reset();
    }

    private WebForm newForm(String admin, String thankYou, boolean enabled) {
        WebFormForm values = new WebFormForm();
        values.setName("Web " + CrmLeadFixtures.word());
        values.setSourceDetail("Formulario de contacto");
        values.setThankYouUrl(thankYou);
        values.setEnabled(enabled);
        UUID id = fixtures.as(admin, () -> forms.create(values));
        return fixtures.as(admin, () -> forms.find(id)).orElseThrow();
    }

    private HttpResponse<String> postForm(String token, Map<String, String> fields, String language) throws Exception {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/crm/web-to-lead/" + token))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html,*/*;q=0.8")
                        .header("Accept-Language", language)
                        .header("Origin", "https://www.example.test")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String token, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/crm/web-to-lead/" + token))
                        .header("Content-Type", "application/json")
                        .header("Accept-Language", "en")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<LeadRow> leadsNamed(String admin, String text) {
        return fixtures.as(admin, () -> leads.page(new LeadFilter(null, null, null, text), null, 10))
                .rows();
    }

    @Test
    void a_good_post_creates_a_lead_with_source_web_and_a_second_with_its_email_is_flagged_as_duplicate()
            throws Exception {
        WebForm form = newForm(CrmLeadFixtures.ADMIN, null, true);
        String company = CrmLeadFixtures.word() + " Logística";
        String email = CrmLeadFixtures.word().toLowerCase(Locale.ROOT) + "@web.test";
        HttpResponse<String> answer = postForm(
                form.token(),
                Map.of(
                        "name",
                        "Marta " + CrmLeadFixtures.word(),
                        "company",
                        company,
                        "email",
                        email,
                        "message",
                        "Quiero un presupuesto",
                        "website",
                        ""),
                "es-ES");
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).contains("Gracias");
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();

        List<LeadRow> created = leadsNamed(CrmLeadFixtures.ADMIN, company);
        assertThat(created)
                .singleElement()
                .satisfies(row -> assertThat(row.source()).isEqualTo(LeadSource.WEB));
        LeadDetails lead = fixtures.as(
                CrmLeadFixtures.ADMIN, () -> leads.get(created.getFirst().id()));
        assertThat(lead.sourceDetail()).isEqualTo("Formulario de contacto");
        assertThat(lead.interest()).isEqualTo("Quiero un presupuesto");
        assertThat(lead.email()).isEqualTo(email);

        HttpResponse<String> again = postJson(
                form.token(),
                "{\"name\": \"Otra " + CrmLeadFixtures.word() + "\", \"email\": \"" + email.toUpperCase(Locale.ROOT)
                        + "\", \"company\": \"" + CrmLeadFixtures.word() + "\"}");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(again.body()).contains("\"status\":\"created\"");
        UUID duplicateId = fixtures
                .as(
                        CrmLeadFixtures.ADMIN,
                        () -> leads.page(new LeadFilter(null, null, LeadSource.WEB, email), null, 10))
                .rows()
                .stream()
                .filter(row -> !row.id().equals(lead.id()))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(fixtures.as(CrmLeadFixtures.ADMIN, () -> leads.get(duplicateId))
                        .duplicates())
                .extracting(LeadDuplicate::id)
                .contains(lead.id());
    }

    @Test
    void bad_input_is_refused_with_each_field_named_and_nothing_is_created() throws Exception {
        WebForm form = newForm(CrmLeadFixtures.ADMIN, null, true);
        String region = CrmLeadFixtures.word();
        HttpResponse<String> html = postForm(form.token(), Map.of("email", "no-es-un-correo", "region", region), "en");
        assertThat(html.statusCode()).isEqualTo(400);
        assertThat(html.body()).contains("<strong>email</strong>", "<strong>name</strong>", "e-mail");

        HttpResponse<String> json = postJson(form.token(), "{\"email\": \"x\", \"phone\": \"abc\"}");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("\"status\":\"invalid\"", "\"email\"", "\"phone\"", "\"name\"");
        assertThat(leadsNamed(CrmLeadFixtures.ADMIN, region)).isEmpty();
    }

    @Test
    void a_filled_honeypot_is_answered_as_a_success_and_creates_nothing() throws Exception {
        WebForm form = newForm(CrmLeadFixtures.ADMIN, "https://www.example.test/gracias", true);
        String company = CrmLeadFixtures.word();
        HttpResponse<String> answer = postForm(
                form.token(),
                Map.of("company", company, "email", "robot@spam.test", "website", "http://spam.test"),
                "es");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("https://www.example.test/gracias");
        assertThat(leadsNamed(CrmLeadFixtures.ADMIN, company)).isEmpty();

        // A person's post goes to the same thank-you page, and its lead exists.
        String person = CrmLeadFixtures.word();
        assertThat(postForm(form.token(), Map.of("company", person), "es").statusCode())
                .isEqualTo(303);
        assertThat(leadsNamed(CrmLeadFixtures.ADMIN, person)).hasSize(1);
    }

    @Test
    void an_address_posting_too_often_is_answered_429_with_a_clear_message() throws Exception {
        WebForm form = newForm(CrmLeadFixtures.ADMIN, null, true);
        for (int i = 0; i < rateLimit.limit(); i++) {
            assertThat(postForm(form.token(), Map.of("company", CrmLeadFixtures.word()), "es")
                            .statusCode())
                    .isEqualTo(201);
        }
        String late = CrmLeadFixtures.word();
        HttpResponse<String> refused = postForm(form.token(), Map.of("company", late), "en");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many");
        assertThat(leadsNamed(CrmLeadFixtures.ADMIN, late)).isEmpty();
    }

    @Test
    void an_unknown_or_disabled_token_is_answered_404() throws Exception {
        WebForm disabled = newForm(CrmLeadFixtures.ADMIN, null, false);
        String company = CrmLeadFixtures.word();
        assertThat(postForm(disabled.token(), Map.of("company", company), "es").statusCode())
                .isEqualTo(404);
        assertThat(postForm(WebFormService.newToken(), Map.of("company", company), "es")
                        .statusCode())
                .isEqualTo(404);
        assertThat(postJson("%27%20OR%201%3D1", "{\"company\": \"" + company + "\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(leadsNamed(CrmLeadFixtures.ADMIN, company)).isEmpty();
    }

    @Test
    void a_token_creates_leads_only_in_its_own_tenant() throws Exception {
        WebForm northwind = newForm(CrmLeadFixtures.NORTHWIND_ADMIN, null, true);
        String company = CrmLeadFixtures.word();
        assertThat(postForm(northwind.token(), Map.of("company", company), "es").statusCode())
                .isEqualTo(201);
        assertThat(leadsNamed(CrmLeadFixtures.NORTHWIND_ADMIN, company)).hasSize(1);
        assertThat(leadsNamed(CrmLeadFixtures.ADMIN, company)).isEmpty();
        // The demo tenant's settings do not list the other tenant's form.
        assertThat(fixtures.as(CrmLeadFixtures.ADMIN, () -> forms.list()))
                .extracting(WebForm::id)
                .doesNotContain(northwind.id());
    }
}
