package com.nexo.cms.content;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Markdown to safe HTML: rendered by commonmark-java (with tables), then sanitised by OWASP's HTML
 * sanitiser with a narrow policy (no scripts, no event attributes, no {@code javascript:} or other
 * unsafe links, images only from the site's own file addresses or https). Used by the editor's
 * preview and on every save.
 *
 * <p>Raw HTML in the Markdown is passed to the sanitiser rather than escaped, so that harmless tags an
 * editor types ({@code <br>}, {@code <em>}) still work; everything outside the policy is dropped.
 */
@Component
public class MarkdownRenderer {

    /** Links: the web, mail, and the site's own addresses (files and pages), nothing else. */
    private static final Pattern LINK =
            Pattern.compile("^(https?://|mailto:|/(?!/)|#)[^\\s\\p{Cntrl}]*$", Pattern.CASE_INSENSITIVE);
    /** Images: https, or a file stored by the CMS. */
    private static final Pattern IMAGE = Pattern.compile(
            "^(https://[^\\s\\p{Cntrl}]+|/cms/files/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ALIGN = Pattern.compile("^(left|center|right)$");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "p",
                    "em",
                    "strong",
                    "del",
                    "ul",
                    "ol",
                    "li",
                    "blockquote",
                    "code",
                    "pre",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td",
                    "hr",
                    "br",
                    "a",
                    "img")
            .allowAttributes("start")
            .matching(Pattern.compile("^\\d{1,6}$"))
            .onElements("ol")
            .allowAttributes("align")
            .matching(ALIGN)
            .onElements("th", "td")
            .allowAttributes("class")
            .matching(Pattern.compile("^language-[A-Za-z0-9_+-]{1,30}$"))
            .onElements("code")
            .allowAttributes("href")
            .matching(LINK)
            .onElements("a")
            .allowAttributes("title")
            .onElements("a", "img")
            .allowAttributes("src")
            .matching(IMAGE)
            .onElements("img")
            .allowAttributes("alt")
            .onElements("img")
            // The URL patterns above decide; the protocol list only has to let them through.
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .disallowElements("script", "style", "iframe", "object", "embed", "form")
            .toFactory();

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        List<Extension> extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).build();
    }

    public String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = renderer.render(parser.parse(markdown));
        return POLICY.sanitize(html);
    }
}
