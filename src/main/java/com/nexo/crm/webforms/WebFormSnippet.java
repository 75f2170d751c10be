package com.nexo.crm.webforms;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML a tenant pastes into its web site for one form: a plain form posting to the form's public
 * address, with the fields the endpoint reads and the honeypot field hidden from people.
 */
public final class WebFormSnippet {

    private WebFormSnippet() {}

    /** The visible texts of the snippet, in the language the tenant's site speaks. */
    public record Labels(
            String name,
            String company,
            String email,
            String phone,
            String message,
            String send,
            String honeypotHint) {}

    /** The snippet for {@code form}, posting to {@code baseUrl} (the application's address, no trailing slash). */
    public static String html(WebForm form, String baseUrl, Labels labels) {
        String action = HtmlUtils.htmlEscape(baseUrl + form.path(), "UTF-8");
        return """
                <form method="post" action="%s" accept-charset="utf-8">
                  <label>%s <input name="name" maxlength="200"></label>
                  <label>%s <input name="company" maxlength="200"></label>
                  <label>%s <input name="email" type="email" maxlength="254"></label>
                  <label>%s <input name="phone" type="tel" maxlength="25"></label>
                  <label>%s <textarea name="message" maxlength="4000"></textarea></label>
                  <!-- %s -->
                  <div style="position:absolute;left:-10000px" aria-hidden="true">
                    <input name="%s" tabindex="-1" autocomplete="off">
                  </div>
                  <button type="submit">%s</button>
                </form>
                """.formatted(
                        action,
                        HtmlUtils.htmlEscape(labels.name(), "UTF-8"),
                        HtmlUtils.htmlEscape(labels.company(), "UTF-8"),
                        HtmlUtils.htmlEscape(labels.email(), "UTF-8"),
                        HtmlUtils.htmlEscape(labels.phone(), "UTF-8"),
                        HtmlUtils.htmlEscape(labels.message(), "UTF-8"),
                        labels.honeypotHint().replace("--", "-"),
                        WebToLeadController.HONEYPOT,
                        HtmlUtils.htmlEscape(labels.send(), "UTF-8"));
    }
}
