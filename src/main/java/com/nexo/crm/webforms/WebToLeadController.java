package com.nexo.crm.webforms;

import com.nexo.base.ui.Translations;
import com.nexo.crm.leads.LeadForm;
import com.nexo.crm.leads.LeadService;
import com.nexo.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /crm/web-to-lead/<token>}: a visitor of a tenant's web site sends a lead, as an HTML
 * form post ({@code application/x-www-form-urlencoded}) or as JSON. The token names the form and so
 * the tenant ({@link WebFormTenants}); the lead is created as that tenant's system work. Per client
 * address only so many posts are taken ({@link WebToLeadRateLimit}: 429 beyond); a filled honeypot
 * field ({@value #HONEYPOT}) is answered as a success and creates nothing; bad input gets 400 with
 * each refused field named; an unknown or disabled token 404. A good post is redirected (303) to
 * the form's thank-you address when it has one, else answered with a short page (or JSON, 201).
 * Answers are in the visitor's language (Spanish or English).
 */
@Controller
@CrossOrigin(origins = "*", methods = org.springframework.web.bind.annotation.RequestMethod.POST)
class WebToLeadController {

    static final String ROOT = "/crm/web-to-lead";

    /** A field people never see (hidden by the snippet's style) but form-filling robots fill in. */
    static final String HONEYPOT = "website";

    /** The fields a form may post, by name, and the lead's property each one fills. */
    static final Map<String, String> FIELDS = fields();

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebFormTenants tenants;
    private final WebFormService forms;
    private final WebToLeadRateLimit rateLimit;
    private final Validator validator;
    private final Translations translations;

    WebToLeadController(
            WebFormTenants tenants,
            WebFormService forms,
            WebToLeadRateLimit rateLimit,
            Validator validator,
            Translations translations) {
        this.tenants = tenants;
        this.forms = forms;
        this.rateLimit = rateLimit;
        this.validator = validator;
        this.translations = translations;
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "personName");
        fields.put("company", "companyName");
        fields.put("email", "email");
        fields.put("phone", "phone");
        fields.put("tax_id", "taxId");
        fields.put("region", "region");
        fields.put("message", "interest");
        return fields;
    }

    @PostMapping(path = ROOT + "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> form(
            @PathVariable String token,
            @RequestParam MultiValueMap<String, String> posted,
            HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        posted.forEach((name, list) -> values.put(name, list.isEmpty() ? null : list.getFirst()));
        return receive(token, values, false, request);
    }

    @PostMapping(path = ROOT + "/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> json(
            @PathVariable String token,
            @RequestBody(required = false) Map<String, Object> posted,
            HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        if (posted != null) {
            posted.forEach((name, value) -> values.put(name, value == null ? null : String.valueOf(value)));
        }
        return receive(token, values, true, request);
    }

    private ResponseEntity<byte[]> receive(
            String token, Map<String, String> values, boolean json, HttpServletRequest request) {
        Locale language = Translations.supported(language(values.get("lang"), request));
        boolean answerJson = json || accepts(request, MediaType.APPLICATION_JSON);
        if (!rateLimit.allow(request.getRemoteAddr())) {
            return answer(
                    HttpStatus.TOO_MANY_REQUESTS,
                    answerJson,
                    language,
                    "too-many",
                    translations.getTranslation(
                            "crm.webforms.post.too-many", language, rateLimit.limit(), rateLimit.windowMinutes()),
                    Map.of());
        }
        Optional<WebFormTenants.FormTenant> tenant = tenants.find(token);
        if (tenant.isEmpty()) {
            return answer(
                    HttpStatus.NOT_FOUND,
                    answerJson,
                    language,
                    "not-found",
                    translations.getTranslation("crm.webforms.post.not-found", language),
                    Map.of());
        }
        String honeypot = values.get(HONEYPOT);
        if (honeypot != null && !honeypot.isBlank()) {
            // A robot: answered as if it worked, so it learns nothing; nothing is created.
            return thanked(tenant.get(), answerJson, language, null);
        }
        LeadForm lead = new LeadForm();
        lead.setPersonName(values.get("name"));
        lead.setCompanyName(values.get("company"));
        lead.setEmail(values.get("email"));
        lead.setPhone(values.get("phone"));
        lead.setTaxId(values.get("tax_id"));
        lead.setRegion(values.get("region"));
        lead.setInterest(values.get("message"));
        Map<String, String> refused = new LinkedHashMap<>();
        LeadService.violations(validator, lead)
                .forEach((property, key) -> refused.put(fieldOf(property), translations.getTranslation(key, language)));
        if (!refused.isEmpty()) {
            return answer(
                    HttpStatus.BAD_REQUEST,
                    answerJson,
                    language,
                    "invalid",
                    translations.getTranslation("crm.webforms.post.invalid", language),
                    refused);
        }
        Optional<UUID> created = TenantContext.callAsSystem(
                tenant.get().tenantId(), null, () -> forms.capture(tenant.get().formId(), lead));
        if (created.isEmpty()) {
            return answer(
                    HttpStatus.NOT_FOUND,
                    answerJson,
                    language,
                    "not-found",
                    translations.getTranslation("crm.webforms.post.not-found", language),
                    Map.of());
        }
        return thanked(tenant.get(), answerJson, language, created.get());
    }

    /** The good post's answer: the form's thank-you address, else a short page or JSON. */
    private ResponseEntity<byte[]> thanked(
            WebFormTenants.FormTenant tenant, boolean json, Locale language, UUID created) {
        Optional<String> thankYou = TenantContext.callAsSystem(
                tenant.tenantId(), null, () -> forms.find(tenant.formId()).map(WebForm::thankYouUrl));
        if (thankYou.isPresent() && !json) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(thankYou.get()))
                    .cacheControl(CacheControl.noStore())
                    .build();
        }
        return answer(
                HttpStatus.CREATED,
                json,
                language,
                "created",
                translations.getTranslation("crm.webforms.post.thanks", language),
                Map.of());
    }

    private ResponseEntity<byte[]> answer(
            HttpStatus status, boolean json, Locale language, String code, String message, Map<String, String> fields) {
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", code);
            body.put("message", message);
            if (!fields.isEmpty()) {
                body.put("fields", fields);
            }
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(CacheControl.noStore())
                    .body(JSON.writeValueAsBytes(body));
        }
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(language.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>")
                .append(HtmlUtils.htmlEscape(message, "UTF-8"))
                .append("</title></head><body><main><p>")
                .append(HtmlUtils.htmlEscape(message, "UTF-8"))
                .append("</p>");
        if (!fields.isEmpty()) {
            page.append("<ul>");
            fields.forEach((field, problem) -> page.append("<li><strong>")
                    .append(HtmlUtils.htmlEscape(field, "UTF-8"))
                    .append("</strong>: ")
                    .append(HtmlUtils.htmlEscape(problem, "UTF-8"))
                    .append("</li>"));
            page.append("</ul><p>")
                    .append(HtmlUtils.htmlEscape(
                            translations.getTranslation("crm.webforms.post.back", language), "UTF-8"))
                    .append("</p>");
        }
        page.append("</main></body></html>");
        return ResponseEntity.status(status)
                .contentType(HTML)
                .cacheControl(CacheControl.noStore())
                .body(page.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The posted field's name of a lead property ({@code personName} is posted as {@code name}). */
    private static String fieldOf(String property) {
        return FIELDS.entrySet().stream()
                .filter(entry -> entry.getValue().equals(property))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(property);
    }

    private static Locale language(String lang, HttpServletRequest request) {
        if ("es".equals(lang) || "en".equals(lang)) {
            return Locale.of(lang);
        }
        return request.getHeader("Accept-Language") == null ? Translations.SPANISH : request.getLocale();
    }

    private static boolean accepts(HttpServletRequest request, MediaType type) {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .filter(candidate -> !candidate.isWildcardType())
                    .findFirst()
                    .map(first -> first.isCompatibleWith(type))
                    .orElse(false);
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
