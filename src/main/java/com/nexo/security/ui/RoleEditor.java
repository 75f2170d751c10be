package com.nexo.security.ui;

import com.nexo.security.AccessPermissions;
import com.nexo.security.AccessRuleException;
import com.nexo.security.CurrentUser;
import com.nexo.security.roles.PermissionCatalog;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.security.roles.RoleService.RoleSummary;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One role: its name, description and permission matrix. Predefined roles follow the catalogue and
 * are shown read-only, with a way to copy them; custom roles are edited here by whoever may edit roles.
 */
class RoleEditor extends Div {

    /** What the form edits besides the matrix; the code is fixed once the role exists. */
    public record RoleForm(String name, String description) {}

    private final transient RoleService roles;
    /** Called with the role to show after a change (a copy, a save), or null after a deletion. */
    private final Consumer<UUID> afterChange;

    private final H3 title = new H3();
    private final Badge predefinedBadge = new Badge();
    private final Paragraph note = new Paragraph();
    private final Paragraph problem = new Paragraph();
    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final Div fields = new Div(name, description);
    private final PermissionMatrix matrix;
    private final Button save = new Button();
    private final Button delete = new Button();
    private final Button copy = new Button();
    private final Binder<RoleForm> binder = new Binder<>(RoleForm.class);
    private RoleSummary role;

    RoleEditor(RoleService roles, PermissionCatalog catalog, Consumer<UUID> afterChange) {
        this.roles = roles;
        this.afterChange = afterChange;
        this.matrix = new PermissionMatrix(catalog);
        addClassName("role-editor");

        predefinedBadge.setText(getTranslation("roles.predefined"));
        predefinedBadge.addThemeVariants(BadgeVariant.SMALL);
        Div heading = new Div(title, predefinedBadge);
        heading.addClassName("role-heading");
        note.addClassName("form-note");
        note.setText(getTranslation("roles.predefined.note"));
        problem.addClassName("form-problem");

        name.setLabel(getTranslation("roles.field.name"));
        description.setLabel(getTranslation("roles.field.description"));
        binder.forField(name)
                .asRequired(getTranslation("roles.error.name-required"))
                .bind("name");
        binder.forField(description).bind("description");
        fields.addClassName("role-fields");

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        delete.setText(getTranslation("action.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(click -> confirmDelete());
        copy.setText(getTranslation("roles.copy"));
        copy.setIcon(VaadinIcon.COPY_O.create());
        copy.addClickListener(click -> copy());
        Div actions = new Div(save, copy, delete);
        actions.addClassName("role-actions");

        add(heading, note, problem, fields, new H4(getTranslation("roles.permissions")), matrix, actions);
        show(null);
    }

    /** Shows this role, or nothing when it is null. */
    void show(RoleSummary shown) {
        this.role = shown;
        problem.setVisible(false);
        Feedback.clear(name);
        setVisible(shown != null);
        if (shown == null) {
            return;
        }
        boolean mayEdit = CurrentUser.can(AccessPermissions.ROLES_EDIT);
        boolean editable = mayEdit && !shown.predefined();
        title.setText(RoleNames.of(this, shown));
        predefinedBadge.setVisible(shown.predefined());
        note.setVisible(shown.predefined());
        binder.readRecord(new RoleForm(shown.name(), shown.description() == null ? "" : shown.description()));
        // A predefined role's stored name is its code: the title already shows its translated name.
        fields.setVisible(!shown.predefined());
        binder.setReadOnly(!editable);
        matrix.setValue(shown.permissions());
        matrix.setReadOnly(!editable);
        save.setVisible(editable);
        delete.setVisible(editable);
        copy.setVisible(mayEdit);
    }

    private void save() {
        Feedback.clear(name);
        problem.setVisible(false);
        RoleForm form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException e) {
            return;
        }
        try {
            roles.updateRole(
                    role.id(),
                    role.version(),
                    new RoleDraft(role.code(), form.name(), form.description(), matrix.getValue()));
        } catch (OptimisticLockingFailureException e) {
            problem.setText(getTranslation("error.concurrent-edit"));
            problem.setVisible(true);
            return;
        } catch (AccessRuleException e) {
            Feedback.show(this, e, Map.<String, HasValidation>of("roles.error.name", name));
            return;
        }
        Feedback.success(getTranslation("roles.saved", form.name().strip()));
        afterChange.accept(role.id());
    }

    private void copy() {
        RoleSummary source = role;
        String sourceName = RoleNames.of(this, source);
        new RoleCodeDialog(
                        getTranslation("roles.copy.title", sourceName),
                        getTranslation("roles.copy.default-name", sourceName),
                        form -> roles.copyRole(source.id(), form.getCode(), form.getName()),
                        afterChange)
                .open();
    }

    private void confirmDelete() {
        RoleSummary doomed = role;
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("roles.delete.title", RoleNames.of(this, doomed)));
        confirm.setText(getTranslation("roles.delete.text", doomed.users()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> delete(doomed));
        confirm.open();
    }

    private void delete(RoleSummary doomed) {
        try {
            roles.deleteRole(doomed.id());
        } catch (AccessRuleException e) {
            Feedback.notify(this, e);
            return;
        }
        Feedback.success(getTranslation("roles.deleted", RoleNames.of(this, doomed)));
        afterChange.accept(null);
    }
}
