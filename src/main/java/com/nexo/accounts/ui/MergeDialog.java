package com.nexo.accounts.ui;

import com.nexo.accounts.account.AccountConflictException;
import com.nexo.accounts.account.AccountField;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.account.OwnerOption;
import com.nexo.accounts.merge.AccountMergeService;
import com.nexo.accounts.merge.MergePreview;
import com.nexo.accounts.merge.MergeRequest;
import com.nexo.accounts.merge.MergeSide;
import com.nexo.accounts.search.AccountListService;
import com.nexo.accounts.search.AccountRow;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Merges a duplicate into an account: pick the other account and which of the two survives, then,
 * for each field where they differ, whose value stays. The merged-away account's contacts and
 * references move to the survivor, it is archived as merged, and both histories record the merge.
 */
class MergeDialog extends Dialog {

    /** How many matches the account picker offers. */
    static final int PICKER_MATCHES = 50;

    private final transient AccountListService lists;
    private final transient AccountMergeService merges;
    private final AccountForm current;
    private final transient Consumer<UUID> onMerged;
    private final Map<UUID, String> ownerNames;
    private final ComboBox<AccountRow> other = new ComboBox<>();
    private final RadioButtonGroup<Boolean> keepCurrent = new RadioButtonGroup<>();
    private final Div choices = new Div();
    private final Map<AccountField, RadioButtonGroup<MergeSide>> picks = new EnumMap<>(AccountField.class);
    private final Button merge = new Button();
    private MergePreview preview;
    /** Set while a newly chosen duplicate resets the survivor choice: one preview, not two. */
    private boolean choosingOther;

    MergeDialog(
            AccountService accounts,
            AccountListService lists,
            AccountMergeService merges,
            AccountForm current,
            Consumer<UUID> onMerged) {
        this.lists = lists;
        this.merges = merges;
        this.current = current;
        this.onMerged = onMerged;
        this.ownerNames = accounts.owners().stream().collect(Collectors.toMap(OwnerOption::id, OwnerOption::name));
        addClassName("merge-dialog");
        setHeaderTitle(getTranslation("accounts.merge.title", current.getLegalName()));
        setWidth("48rem");
        setMaxWidth("100%");
        Paragraph intro = new Paragraph(getTranslation("accounts.merge.intro"));
        intro.addClassName("form-note");

        other.setLabel(getTranslation("accounts.merge.other"));
        other.setPlaceholder(getTranslation("accounts.list.search"));
        other.setWidthFull();
        other.setItemLabelGenerator(row -> row.legalName() + (row.code() == null ? "" : " · " + row.code()));
        // The best matches of the quick search, one read per typed text: a picker is for finding, and
        // more than a page of matches asks for another word (no position paging behind it).
        other.setItems(query -> query.getOffset() > 0
                ? Stream.empty()
                : lists.quickSearch(query.getFilter().orElse(""), PICKER_MATCHES).stream()
                        .filter(row -> !row.id().equals(current.getId()))
                        .limit(query.getLimit()));
        other.addValueChangeListener(change -> {
            // New items so the "keep the duplicate" option names the account just chosen.
            choosingOther = true;
            keepCurrent.setItems(true, false);
            keepCurrent.setValue(true);
            choosingOther = false;
            showPreview();
        });

        keepCurrent.setLabel(getTranslation("accounts.merge.survivor"));
        keepCurrent.setItems(true, false);
        keepCurrent.setItemLabelGenerator(keep -> keep
                ? getTranslation("accounts.merge.keep-this", current.getLegalName())
                : other.getValue() == null
                        ? getTranslation("accounts.merge.keep-other-unnamed")
                        : getTranslation(
                                "accounts.merge.keep-other", other.getValue().legalName()));
        keepCurrent.setValue(true);
        keepCurrent.addValueChangeListener(change -> {
            if (!choosingOther) {
                showPreview();
            }
        });
        keepCurrent.setVisible(false);

        choices.addClassName("merge-choices");
        add(intro, other, keepCurrent, choices);

        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        merge.setText(getTranslation("accounts.merge.confirm"));
        merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        merge.setEnabled(false);
        merge.addClickListener(click -> merge());
        getFooter().add(cancel, merge);
    }

    private void showPreview() {
        choices.removeAll();
        picks.clear();
        AccountRow chosen = other.getValue();
        preview = null;
        merge.setEnabled(chosen != null);
        keepCurrent.setVisible(chosen != null);
        if (chosen == null) {
            return;
        }
        boolean keepThis = !Boolean.FALSE.equals(keepCurrent.getValue());
        preview = keepThis
                ? merges.previewMerge(current.getId(), chosen.id())
                : merges.previewMerge(chosen.id(), current.getId());
        if (preview.differences().isEmpty()) {
            choices.add(new Paragraph(getTranslation("accounts.merge.no-differences")));
        }
        for (AccountField field : preview.differences()) {
            RadioButtonGroup<MergeSide> group = new RadioButtonGroup<>();
            group.setLabel(AccountLabels.field(this, field));
            group.setItems(MergeSide.values());
            group.setItemLabelGenerator(
                    side -> shown(side == MergeSide.SURVIVOR ? preview.survivor() : preview.loser(), field));
            String byDefault = AccountLabels.value(this, preview.defaultResult(), field, ownerNames);
            String survivorValue = AccountLabels.value(this, preview.survivor(), field, ownerNames);
            group.setValue(Objects.equals(byDefault, survivorValue) ? MergeSide.SURVIVOR : MergeSide.LOSER);
            group.addClassName("merge-choice");
            picks.put(field, group);
            choices.add(group);
        }
        Paragraph moves = new Paragraph(getTranslation(
                "accounts.merge.moves",
                preview.loser().getLegalName(),
                preview.loserContacts(),
                preview.loserReferences()));
        moves.addClassName("form-note");
        choices.add(moves);
    }

    private String shown(AccountForm form, AccountField field) {
        String text = AccountLabels.value(this, form, field, ownerNames);
        return text.isBlank() ? getTranslation("conflict.empty") : text;
    }

    private void merge() {
        if (preview == null) {
            return;
        }
        Map<AccountField, MergeSide> sides = new EnumMap<>(AccountField.class);
        picks.forEach((field, group) -> sides.put(field, group.getValue()));
        AccountForm survivor = preview.survivor();
        AccountForm loser = preview.loser();
        try {
            merges.merge(new MergeRequest(
                    survivor.getId(), survivor.getVersion(), loser.getId(), loser.getVersion(), sides, false));
        } catch (AccountConflictException e) {
            Notices.error(getTranslation("accounts.merge.changed-meanwhile"));
            showPreview();
            return;
        } catch (AccountRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        close();
        Notices.success(getTranslation("accounts.merge.done", loser.getLegalName(), survivor.getLegalName()));
        onMerged.accept(survivor.getId());
    }

    ComboBox<AccountRow> otherPicker() {
        return other;
    }

    RadioButtonGroup<Boolean> survivorChoice() {
        return keepCurrent;
    }

    Map<AccountField, RadioButtonGroup<MergeSide>> picks() {
        return picks;
    }
}
