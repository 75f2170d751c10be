package com.nexo.crm.leads.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.crm.CrmLeadFixtures;
import com.nexo.crm.leads.LeadDetails;
import com.nexo.crm.leads.LeadForm;
import com.nexo.crm.leads.LeadRow;
import com.nexo.crm.leads.LeadService;
import com.nexo.crm.leads.LeadStatus;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.AccessDeniedException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lead list and page: the list shows a new lead with its duplicate badge, a lead entered in the
 * dialog opens on its page, bad input is refused on its field, the page shows duplicates with links
 * and disqualifies with a reason, and people without the CRM's permissions are refused.
 */
class LeadViewsTest extends KaribuTest {

    private CrmLeadFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CrmLeadFixtures(context);
    }

    private LeadService leads() {
        return context.getBean(LeadService.class);
    }

    @Test
    void a_salesperson_enters_a_lead_in_the_dialog_and_its_page_opens() {
        login(CrmLeadFixtures.SALES);
        UI.getCurrent().navigate("crm/leads");
        LeadListView list = _get(LeadListView.class);
        assertThat(list.create.isVisible()).isTrue();
        LeadDialog dialog = list.openNew();
        String company = CrmLeadFixtures.word() + " Muebles";
        dialog.companyName.setValue(company);
        dialog.email.setValue("compras@" + CrmLeadFixtures.word().toLowerCase() + ".test");
        dialog.interest.setValue("Mesas para 40 oficinas");
        _click(dialog.save);
        expectNotifications("Lead guardado");

        LeadDetailView page = _get(LeadDetailView.class);
        assertThat(page.lead().companyName()).isEqualTo(company);
        assertThat(page.header.getElement().getTextRecursively()).contains(company, "Nuevo", "Alta manual");
        assertThat(page.data.getElement().getTextRecursively()).contains("Mesas para 40 oficinas");
        assertThat(page.duplicates.getElement().getTextRecursively())
                .contains("Ningún lead, cuenta ni contacto se parece a este.");

        UI.getCurrent().navigate("crm/leads");
        LeadListView again = _get(LeadListView.class);
        again.search.setValue(company);
        assertThat(GridKt._fetch(again.grid, 0, 10))
                .extracting(LeadRow::companyName)
                .containsExactly(company);
    }

    @Test
    void a_lead_without_a_name_is_refused_on_its_field_and_nothing_is_saved() {
        login(CrmLeadFixtures.SALES);
        UI.getCurrent().navigate("crm/leads");
        LeadDialog dialog = _get(LeadListView.class).openNew();
        dialog.interest.setValue("Sin nombre");
        _click(dialog.save);
        assertThat(dialog.personName.isInvalid()).isTrue();
        assertThat(dialog.personName.getErrorMessage()).isEqualTo("Indica una persona o una empresa");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(_find(LeadDetailView.class)).isEmpty();
    }

    @Test
    void the_page_shows_a_duplicate_with_its_link_and_disqualifies_with_a_reason() {
        LeadForm first = CrmLeadFixtures.lead(null);
        UUID firstId = fixtures.as(CrmLeadFixtures.SALES, () -> leads().create(first));
        LeadForm second = CrmLeadFixtures.lead(null);
        second.setEmail(first.getEmail());
        UUID secondId = fixtures.as(CrmLeadFixtures.SALES, () -> leads().create(second));

        login(CrmLeadFixtures.SALES);
        UI.getCurrent().navigate("crm/leads");
        LeadListView list = _get(LeadListView.class);
        list.search.setValue(second.getCompanyName());
        assertThat(GridKt._fetch(list.grid, 0, 10))
                .singleElement()
                .satisfies(row -> assertThat(row.duplicates()).isEqualTo(1));

        UI.getCurrent().navigate("crm/leads/" + secondId);
        LeadDetailView page = _get(LeadDetailView.class);
        assertThat(page.header.getElement().getTextRecursively()).contains("1 posible duplicado");
        Anchor link = _get(page.duplicates, Anchor.class);
        assertThat(link.getHref()).isEqualTo("crm/leads/" + firstId);
        assertThat(page.duplicates.getElement().getTextRecursively()).contains("mismo correo");

        _click(_get(page.actions, Button.class, spec -> spec.withText("Descartar")));
        Dialog confirm = _get(Dialog.class);
        _get(confirm, TextArea.class).setValue("Ya es cliente");
        _click(_get(confirm, Button.class, spec -> spec.withText("Descartar")));
        LeadDetails dropped = page.lead();
        assertThat(dropped.status()).isEqualTo(LeadStatus.DISQUALIFIED);
        assertThat(dropped.disqualifiedReason()).isEqualTo("Ya es cliente");
        assertThat(page.timeline.getElement().getTextRecursively()).contains("Descartado");
        assertThat(_find(page.actions, Button.class, spec -> spec.withText("Reabrir")))
                .hasSize(1);
    }

    @Test
    void a_read_only_user_lists_leads_without_the_new_button_and_a_client_is_refused() {
        login(CrmLeadFixtures.READ_ONLY);
        UI.getCurrent().navigate("crm/leads");
        assertThat(_get(LeadListView.class).create.isVisible()).isFalse();
        assertThatThrownBy(() -> UI.getCurrent().navigate("crm/settings/web-forms"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);

        login("cliente@demo.nexo");
        assertThatThrownBy(() -> UI.getCurrent().navigate("crm/leads"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_unknown_lead_is_not_found() {
        login(CrmLeadFixtures.SALES);
        UI.getCurrent().navigate("crm/leads/" + UUID.randomUUID());
        assertThat(_find(LeadDetailView.class)).isEmpty();
    }
}
