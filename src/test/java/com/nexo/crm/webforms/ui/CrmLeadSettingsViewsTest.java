package com.nexo.crm.webforms.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.crm.CrmLeadFixtures;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AccessDeniedException;
import org.junit.jupiter.api.Test;

/**
 * The CRM settings pages of the leads: web forms (a new form shows its address and the snippet to
 * paste) and assignment rules (a new rule is listed); a salesperson without crm.settings... is the
 * read-only user here, refused.
 */
class CrmLeadSettingsViewsTest extends KaribuTest {

    @Test
    void an_administrator_adds_a_web_form_and_reads_its_snippet() {
        login(CrmLeadFixtures.ADMIN);
        UI.getCurrent().navigate("crm/settings/web-forms");
        WebFormsView view = _get(WebFormsView.class);
        Dialog dialog = view.openDialog(new com.nexo.crm.webforms.WebFormForm());
        String name = "Contacto " + CrmLeadFixtures.word();
        _get(dialog, TextField.class, spec -> spec.withLabel("Nombre")).setValue(name);
        _get(dialog, TextField.class, spec -> spec.withLabel("Página de agradecimiento"))
                .setValue("nada");
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));
        assertThat(dialog.isOpened()).as("a bad address keeps the dialog open").isTrue();
        _get(dialog, TextField.class, spec -> spec.withLabel("Página de agradecimiento"))
                .setValue("https://www.example.test/gracias");
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));
        expectNotifications("Formulario web guardado");
        String text = view.list.getElement().getTextRecursively();
        assertThat(text).contains(name, "/crm/web-to-lead/", "name=\"website\"", "name=\"email\"", "Admite envíos");
    }

    @Test
    void a_user_without_crm_settings_is_refused_both_pages() {
        login(CrmLeadFixtures.READ_ONLY);
        assertThatThrownBy(() -> UI.getCurrent().navigate("crm/settings/assignment"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate("crm/settings/web-forms"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
