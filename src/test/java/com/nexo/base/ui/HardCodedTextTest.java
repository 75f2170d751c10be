package com.nexo.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.MainSources;
import com.nexo.testing.MainSources.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fails when a user-facing text is written into the code instead of the message bundles.
 *
 * <p>The scanner is a few regular expressions over the source (comments removed): it looks for a
 * string literal as the text argument of the usual Vaadin text carriers — constructors such as
 * {@code new Button("...")}, {@code new H2("...")}, {@code new Tab("...")} and setters such as
 * {@code setText("...")}, {@code setLabel("...")}, {@code Notification.show("...")}. Its limits, on
 * purpose: it does not follow variables or constants ({@code String s = "Save"; new Button(s)}), string
 * concatenation after a first non-literal argument, text blocks, or texts set through
 * {@code getElement().setProperty(...)}; it does not know types, so any method named
 * {@code setTitle} counts. Code review and the translation test cover the rest. A literal that is
 * empty, or only digits, punctuation, symbols and spaces ("", "·", "42", "%") is allowed.
 */
class HardCodedTextTest {

    /** A string literal, with its content in group "text". */
    private static final String LITERAL = "\"(?<text>(?:[^\"\\\\\\n]|\\\\.)*)\"";

    private static final String TEXT_COMPONENTS = "Button|Span|H[1-6]|Paragraph|Div|Text|NativeLabel|Label|Tab"
            + "|Notification|Checkbox|RadioButtonGroup|CheckboxGroup|TextField|TextArea|PasswordField"
            + "|EmailField|NumberField|IntegerField|BigDecimalField|DatePicker|TimePicker|DateTimePicker"
            + "|ComboBox|MultiSelectComboBox|Select|ListBox|Details|SideNavItem|RouterLink|ListItem|Pre"
            + "|Emphasis|Strong|Code|Dialog|ConfirmDialog|Avatar|Badge|NativeTableHeaderCell|NativeTableCell";

    private static final String TEXT_SETTERS = "setText|setLabel|setPlaceholder|setHelperText|setHeader"
            + "|setHeaderTitle|setTitle|setAriaLabel|setErrorMessage|setTooltipText|setConfirmText|setCancelText"
            + "|setRejectText|setSummaryText|setEmptyStateText|setFooter|setAlt|addItem|addTab|show"
            + "|showErrorMessage|setEmptySelectionCaption";

    private static final List<Pattern> PATTERNS = List.of(
            // new Button("Save"), new H2("Title"), new Tab("Orders")
            Pattern.compile("\\bnew\\s+(?:" + TEXT_COMPONENTS + ")\\s*(?:<[^>]*>)?\\(\\s*" + LITERAL),
            // new Anchor(href, "text"), new Image(src, "alt text"): the text is the second argument.
            Pattern.compile("\\bnew\\s+(?:Anchor|Image)\\s*\\(\\s*[^,()]+,\\s*" + LITERAL),
            // .setText("..."), Notification.show("..."), menu.addItem("...")
            Pattern.compile("\\b(?:" + TEXT_SETTERS + ")\\s*\\(\\s*" + LITERAL));

    /** Texts no language changes: empty, or made of digits, punctuation, symbols and spaces only. */
    private static final Pattern LANGUAGE_NEUTRAL = Pattern.compile("[\\p{N}\\p{P}\\p{S}\\s]*");

    @Test
    void the_application_shows_no_text_that_bypasses_the_message_bundles() {
        List<String> findings = new ArrayList<>();
        for (SourceFile source : MainSources.all()) {
            findings.addAll(scan(source.path(), source.code()));
        }
        assertThat(findings)
                .as("user-facing literals: put them in vaadin-i18n/translations_*.properties"
                        + " and use getTranslation(...)")
                .isEmpty();
    }

    @Test
    void the_scanner_finds_a_planted_caption() {
        String planted = """
                class Planted {
                    Planted() {
                        add(new Button("Guardar"));
                        title.setText("Orders");
                        Notification.show("Saved!");
                        add(new Anchor("/help", "Help"), new Image("icons/logo.png", "Logo"));
                        field.setLabel( "Name" );
                    }
                }
                """;

        assertThat(scan(Path.of("Planted.java"), MainSources.withoutComments(planted)))
                .containsExactly(
                        "Planted.java:3: \"Guardar\"",
                        "Planted.java:4: \"Orders\"",
                        "Planted.java:5: \"Saved!\"",
                        "Planted.java:6: \"Help\"",
                        "Planted.java:6: \"Logo\"",
                        "Planted.java:7: \"Name\"");
    }

    @Test
    void the_scanner_accepts_translations_neutral_texts_and_comments() {
        String clean = """
                class Clean {
                    // new Button("In a comment")
                    /** Javadoc example: {@code new H1("Title")} */
                    Clean() {
                        add(new Button(getTranslation("order.save")));
                        add(new Span(""), new Span("·"), new Span("42"), new Span("(%)"));
                        add(new Anchor("https://nexo.example/help", getTranslation("help")));
                        addClassName("order-form");
                        getElement().setAttribute("lang", "es");
                        String url = "http://example.com"; add(new Span(url));
                    }
                }
                """;

        assertThat(scan(Path.of("Clean.java"), MainSources.withoutComments(clean)))
                .isEmpty();
    }

    /** Findings as {@code File.java:line: "text"}, in the order they appear in the file. */
    static List<String> scan(Path file, String codeWithoutComments) {
        TreeMap<Integer, String> found = new TreeMap<>();
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(codeWithoutComments);
            while (matcher.find()) {
                String text = matcher.group("text");
                if (!LANGUAGE_NEUTRAL.matcher(text).matches()) {
                    found.put(matcher.start("text"), text);
                }
            }
        }
        List<String> findings = new ArrayList<>();
        found.forEach((position, text) -> findings.add(
                file.getFileName() + ":" + MainSources.lineOf(codeWithoutComments, position) + ": \"" + text + "\""));
        return findings;
    }
}
