package com.nexo.accounts.ui;

import com.nexo.accounts.account.DuplicateCandidate;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * "This account may already exist": the accounts with the same tax id or e-mail or a very similar
 * name, and why each was found. The user opens one of them, goes back to the form, or saves anyway.
 */
class DuplicateWarningDialog extends Dialog {

    DuplicateWarningDialog(List<DuplicateCandidate> candidates, Runnable saveAnyway, Consumer<UUID> openExisting) {
        addClassName("duplicate-warning");
        setHeaderTitle(getTranslation("accounts.duplicates.title"));
        setWidth("40rem");
        setMaxWidth("100%");
        Paragraph intro = new Paragraph(getTranslation("accounts.duplicates.intro"));
        intro.addClassName("form-note");
        add(intro);
        for (DuplicateCandidate candidate : candidates) {
            Span name = new Span(candidate.legalName());
            name.addClassName("duplicate-name");
            Span code = new Span(candidate.code() == null ? "" : candidate.code());
            code.addClassName("secondary");
            Span why = new Span(AccountLabels.duplicateReasons(this, candidate));
            why.addClassName("duplicate-reason");
            Div text = new Div(name, code, why);
            text.addClassName("duplicate-text");
            Button open = new Button(getTranslation("accounts.duplicates.open"), click -> {
                close();
                openExisting.accept(candidate.id());
            });
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Div row = new Div(VaadinIcon.WARNING.create(), text, open);
            row.addClassName("duplicate-candidate");
            add(row);
        }
        Button back = new Button(getTranslation("accounts.duplicates.back"), click -> close());
        Button save = new Button(getTranslation("accounts.duplicates.save-anyway"), click -> {
            close();
            saveAnyway.run();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(back, save);
    }
}
