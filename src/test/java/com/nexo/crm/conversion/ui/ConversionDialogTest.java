package com.nexo.crm.conversion.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountService;
import com.nexo.crm.CrmLeadFixtures;
import com.nexo.crm.leads.LeadDetails;
import com.nexo.crm.leads.LeadForm;
import com.nexo.crm.leads.LeadService;
import com.nexo.crm.leads.LeadStatus;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lead page's conversion dialog offers the matching account first and converts into it. */
class ConversionDialogTest extends KaribuTest {

    @Test
    void the_dialog_offers_the_matching_account_and_converts_the_lead_into_it() {
        CrmLeadFixtures fixtures = new CrmLeadFixtures(context);
        String company = CrmLeadFixtures.word() + " " + CrmLeadFixtures.word() + " Textil";
        UUID accountId = fixtures.as(
                CrmLeadFixtures.ADMIN,
                () -> context.getBean(AccountService.class).create(AccountFixtures.company(company)));
        LeadForm form = new LeadForm();
        form.setCompanyName(company);
        UUID leadId = fixtures.as(
                CrmLeadFixtures.SALES, () -> context.getBean(LeadService.class).create(form));

        login(CrmLeadFixtures.SALES);
        UI.getCurrent().navigate("crm/leads/" + leadId);
        _click(_get(Button.class, spec -> spec.withText("Convertir")));
        ConversionDialog dialog = _get(ConversionDialog.class);
        assertThat(dialog.account.getValue().id()).isEqualTo(accountId);
        assertThat(dialog.account.getValue().label()).contains(company);
        assertThat(dialog.contact.getValue().label()).isEqualTo("Sin contacto (el lead no nombra a ninguna persona)");
        dialog.withOpportunity.setValue(false);
        _click(dialog.convert);
        expectNotifications("Lead convertido");

        LeadDetails converted = fixtures.as(
                CrmLeadFixtures.SALES, () -> context.getBean(LeadService.class).get(leadId));
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.convertedAccountId()).isEqualTo(accountId);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("accounts/" + accountId);
        assertThat(_get(Div.class, spec -> spec.withClasses("detail-header"))
                        .getElement()
                        .getTextRecursively())
                .contains(company);
    }
}
