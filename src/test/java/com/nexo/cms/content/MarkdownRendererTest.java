package com.nexo.cms.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown rendered, then whatever could run or leak in a reader's browser taken out. */
class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void markdownBecomesHeadingsEmphasisListsQuotesAndCode() {
        String html = renderer.toSafeHtml("""
                # Título

                Texto *en cursiva* y **negrita** con `código`.

                - uno
                - dos

                > cita

                ```java
                int x = 1;
                ```

                ---
                """);
        assertThat(html)
                .contains("<h1>Título</h1>")
                .contains("<em>en cursiva</em>")
                .contains("<strong>negrita</strong>")
                .contains("<code>código</code>")
                .contains("<li>uno</li>")
                .contains("<blockquote>")
                .contains("<pre><code class=\"language-java\">")
                .contains("<hr />");
    }

    @Test
    void scriptAndStyleTagsAreRemovedWithTheirContent() {
        String html = renderer.toSafeHtml("Hola <script>alert('x')</script> <style>p{}</style> mundo");
        assertThat(html).doesNotContain("script").doesNotContain("alert").doesNotContain("style");
        assertThat(html).contains("Hola").contains("mundo");
    }

    @Test
    void eventAttributesAndStyleAttributesAreDropped() {
        String html = renderer.toSafeHtml("<p onclick=\"steal()\" style=\"color:red\">hola</p>"
                + "<img src=\"https://example.com/a.png\" onerror=\"steal()\" alt=\"a\">");
        assertThat(html)
                .doesNotContain("onclick")
                .doesNotContain("onerror")
                .doesNotContain("steal")
                .doesNotContain("style=");
        assertThat(html).contains("hola").contains("src=\"https://example.com/a.png\"");
    }

    @Test
    void javascriptDataAndVbscriptLinksLoseTheirAddress() {
        String html = renderer.toSafeHtml("[uno](javascript:alert(1)) [dos](JaVaScRiPt:alert(2)) "
                + "[tres](data:text/html;base64,PHNjcmlwdD4=) [cuatro](vbscript:msgbox) "
                + "<a href=\"java&#115;cript:alert(3)\">cinco</a>");
        assertThat(html.toLowerCase())
                .doesNotContain("javascript")
                .doesNotContain("data:")
                .doesNotContain("vbscript")
                .doesNotContain("alert");
        assertThat(html).contains("uno").contains("cinco");
    }

    @Test
    void imagesComeOnlyFromHttpsOrTheSitesOwnFiles() {
        String html = renderer.toSafeHtml("![a](data:image/png;base64,iVBORw0KGgo=) ![b](http://example.com/b.png) "
                + "![c](https://example.com/c.png \"C\") ![d](/cms/files/0196b1c2-0000-7000-8000-000000000001)");
        assertThat(html).doesNotContain("data:").doesNotContain("http://example.com/b.png");
        assertThat(html)
                .contains("<img src=\"https://example.com/c.png\" alt=\"c\" title=\"C\" />")
                .contains("<img src=\"/cms/files/0196b1c2-0000-7000-8000-000000000001\" alt=\"d\" />");
    }

    @Test
    void iframesObjectsAndFormsAreRemoved() {
        String html = renderer.toSafeHtml("<iframe src=\"https://evil.example\"></iframe>"
                + "<object data=\"x.swf\"></object><embed src=\"x\"><form action=\"/steal\"><input name=a></form>ok");
        assertThat(html)
                .doesNotContain("iframe")
                .doesNotContain("object")
                .doesNotContain("embed")
                .doesNotContain("form")
                .doesNotContain("input")
                .contains("ok");
    }

    @Test
    void malformedHtmlIsNeutralised() {
        String html = renderer.toSafeHtml("<p><b>sin cerrar <div><scr<script>ipt>alert(1)</script> <img src=x "
                + "onerror=alert(1)// <a href=\"https://ok.example\" <b>");
        assertThat(html).doesNotContain("<script").doesNotContain("onerror").doesNotContain("<div");
        assertThat(html.replace("&lt;", "")).doesNotContain("<scr");
    }

    @Test
    void tablesAreKeptWithTheirAlignment() {
        String html = renderer.toSafeHtml("""
                | Producto | Precio |
                |:---------|-------:|
                | Tornillo | 0,10 € |
                """);
        assertThat(html)
                .contains("<table>")
                .contains("<th align=\"left\">Producto</th>")
                .contains("<td align=\"right\">0,10 €</td>");
    }

    @Test
    void linksGetRelNofollowNoopenerNoreferrerAndOwnFileLinksAreKept() {
        String html = renderer.toSafeHtml("[web](https://example.com) [correo](mailto:a@example.com) "
                + "[fichero](/cms/files/0196b1c2-0000-7000-8000-000000000001)");
        assertThat(html)
                .contains("href=\"https://example.com\"")
                .contains("href=\"mailto:a&#64;example.com\"")
                .contains("href=\"/cms/files/0196b1c2-0000-7000-8000-000000000001\"");
        assertThat(html.split("rel=\"nofollow noreferrer noopener\"", -1)).hasSize(4);
    }

    @Test
    void blankMarkdownIsAnEmptyBody() {
        assertThat(renderer.toSafeHtml(null)).isEmpty();
        assertThat(renderer.toSafeHtml("   ")).isEmpty();
    }
}
