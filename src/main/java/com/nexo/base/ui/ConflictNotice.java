package com.nexo.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;

/**
 * Shown at the top of a form when someone else saved the record first: which fields they changed and
 * to what, and a button to load their version. Until the user reloads, what they typed stays in the
 * form and nothing is saved, so neither side's changes are lost without a word.
 */
public class ConflictNotice extends Div {

    /** One field the other person changed, with the value they saved, ready to show. */
    public record ChangedField(String label, String theirValue) {}

    private final Paragraph intro = new Paragraph();
    private final UnorderedList fields = new UnorderedList();
    private final Button reload = new Button();
    private Runnable onReload = () -> {};

    public ConflictNotice() {
        addClassNames("form-problem", "conflict-notice");
        intro.addClassName("conflict-intro");
        fields.addClassName("conflict-fields");
        reload.setText(getTranslation("conflict.reload"));
        reload.setIcon(VaadinIcon.REFRESH.create());
        reload.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reload.addClickListener(click -> {
            hide();
            onReload.run();
        });
        add(intro, fields, reload);
        setVisible(false);
    }

    /**
     * Shows the changes of whoever saved first ({@code changedBy}: their names, blank if unknown).
     * {@code changed} may be empty when they changed only what this form does not show; the user
     * still has to reload before saving.
     */
    public void show(List<ChangedField> changed, String changedBy, Runnable reloadTheirVersion) {
        this.onReload = reloadTheirVersion;
        String who = changedBy == null || changedBy.isBlank() ? getTranslation("conflict.someone") : changedBy;
        intro.setText(
                changed.isEmpty()
                        ? getTranslation("conflict.intro-no-fields", who)
                        : getTranslation("conflict.intro", who));
        fields.removeAll();
        for (ChangedField field : changed) {
            Span label = new Span(field.label());
            label.addClassName("conflict-label");
            Span value = new Span(
                    field.theirValue() == null || field.theirValue().isBlank()
                            ? getTranslation("conflict.empty")
                            : field.theirValue());
            value.addClassName("conflict-value");
            fields.add(new ListItem(label, value));
        }
        fields.setVisible(!changed.isEmpty());
        setVisible(true);
    }

    public void hide() {
        setVisible(false);
        fields.removeAll();
    }

    /** Points the user at the way out (saving is refused until they reload). */
    public void focusReload() {
        reload.focus();
    }

    public boolean isShown() {
        return isVisible();
    }
}
