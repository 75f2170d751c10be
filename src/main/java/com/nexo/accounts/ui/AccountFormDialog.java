package com.nexo.accounts.ui;

import com.nexo.accounts.account.AccountConflictException;
import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.account.DuplicateCandidate;
import com.nexo.accounts.account.OwnerOption;
import com.nexo.base.ui.ConflictNotice;
import com.nexo.base.ui.ConflictNotice.ChangedField;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Creates or edits an account. Messages come in the user's language (bean validation on the form,
 * plus the tax id rule of the chosen country, in {@link AccountFormFields}); before saving a new
 * account, or an edit that changed its tax id, e-mails or names, accounts that may be the same one
 * are shown and the user decides; and an edit saves only over the
 * version it loaded: when someone else saved first, the form lists what they changed and overwrites
 * nothing until the user loads their version.
 */
class AccountFormDialog extends Dialog {

    private final transient AccountService accounts;
    private final transient Consumer<UUID> onSaved;
    private final transient Consumer<UUID> onOpenOther;
    private final Map<UUID, String> ownerNames;
    /** What the form was loaded from: its id and version are the ones saved over. */
    private AccountForm loaded;
    /** Set once the user chose to save although possible duplicates were shown. */
    private boolean duplicatesAccepted;

    private final ConflictNotice conflict = new ConflictNotice();
    private final AccountFormFields fields;

    /** A new account; after saving, {@code onSaved} gets its id. */
    static AccountFormDialog forNew(AccountService accounts, Consumer<UUID> onSaved, Consumer<UUID> onOpenOther) {
        return new AccountFormDialog(accounts, accounts.newForm(), onSaved, onOpenOther);
    }

    static AccountFormDialog forEdit(
            AccountService accounts, AccountForm account, Consumer<UUID> onSaved, Consumer<UUID> onOpenOther) {
        return new AccountFormDialog(accounts, account, onSaved, onOpenOther);
    }

    private AccountFormDialog(
            AccountService accounts, AccountForm account, Consumer<UUID> onSaved, Consumer<UUID> onOpenOther) {
        this.accounts = accounts;
        this.onSaved = onSaved;
        this.onOpenOther = onOpenOther;
        this.loaded = account;
        List<OwnerOption> owners = accounts.owners();
        this.ownerNames = owners.stream().collect(Collectors.toMap(OwnerOption::id, OwnerOption::name));
        addClassName("account-form");
        setHeaderTitle(
                isNew()
                        ? getTranslation("accounts.form.new-title")
                        : getTranslation("accounts.form.edit-title", account.getLegalName()));
        setWidth("60rem");
        setMaxWidth("100%");
        fields = new AccountFormFields(account, owners);
        add(conflict, fields);

        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        Button save = new Button(getTranslation("action.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }

    private boolean isNew() {
        return loaded.getId() == null;
    }

    void save() {
        if (conflict.isShown()) {
            conflict.focusReload();
            return; // their version must be loaded first: the notice's button says so
        }
        AccountForm edited = loaded.copy();
        if (!fields.write(edited)) {
            return;
        }
        if (!duplicatesAccepted) {
            List<DuplicateCandidate> candidates = accounts.findDuplicates(edited);
            if (!candidates.isEmpty()) {
                new DuplicateWarningDialog(
                                candidates,
                                () -> {
                                    duplicatesAccepted = true;
                                    save();
                                },
                                id -> {
                                    close();
                                    onOpenOther.accept(id);
                                })
                        .open();
                return;
            }
        }
        UUID id;
        try {
            if (isNew()) {
                id = accounts.create(edited);
            } else {
                accounts.update(edited);
                id = loaded.getId();
            }
        } catch (AccountConflictException e) {
            showConflict(e);
            return;
        } catch (AccountRuleException e) {
            showRuleBroken(e);
            return;
        }
        close();
        Notices.success(
                getTranslation("accounts.form.saved", edited.getLegalName().strip()));
        onSaved.accept(id);
    }

    /** Someone saved first: list what they changed, and let the user load their version. */
    private void showConflict(AccountConflictException conflictDetails) {
        List<ChangedField> changed = conflictDetails.changes().stream()
                .filter(change -> change.field() != null)
                .map(change -> new ChangedField(
                        AccountLabels.field(this, change.field()),
                        StoredValues.show(this, change.column(), change.currentValue(), ownerNames)))
                .toList();
        conflict.show(changed, String.join(", ", conflictDetails.changedBy()), this::reloadTheirVersion);
    }

    /** Loads the saved version: the user's typing is replaced by it, and saving works again. */
    private void reloadTheirVersion() {
        loaded = accounts.getForm(loaded.getId());
        fields.read(loaded);
        duplicatesAccepted = false;
    }

    private void showRuleBroken(AccountRuleException error) {
        String message = getTranslation(error.messageKey(), error.arguments());
        if (!fields.showOnField(error, message)) {
            Notices.error(message);
        }
    }

    ConflictNotice conflictNotice() {
        return conflict;
    }
}
