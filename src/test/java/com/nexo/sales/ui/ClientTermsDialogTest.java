package com.nexo.sales.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountService;
import com.nexo.sales.TaxRegime;
import com.nexo.sales.pricing.ClientTerms;
import com.nexo.sales.pricing.ClientTermsService;
import com.nexo.sales.pricing.PriceListForm;
import com.nexo.sales.pricing.PriceListRow;
import com.nexo.sales.pricing.PriceListService;
import com.nexo.shell.ui.DashboardView;
import com.nexo.testing.KaribuTest;
import com.nexo.testing.LoggedIn;
import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The dialog the account page opens to edit a client's sales terms. */
class ClientTermsDialogTest extends KaribuTest {

    @Autowired
    private ClientTermsService terms;

    @Autowired
    private PriceListService priceLists;

    @Autowired
    private AccountService accounts;

    @Autowired
    private UserDetailsService users;

    private final String tag = Long.toString(System.nanoTime(), 36);

    private <T> T asSales(Supplier<T> work) {
        return LoggedIn.asUser(users, AccountFixtures.SALES, work);
    }

    @Test
    void terms_are_checked_as_the_user_types_and_saved_with_their_legal_note() {
        UUID client = asSales(() -> accounts.create(AccountFixtures.company("Cliente exento " + tag)));
        PriceListForm listForm = new PriceListForm();
        listForm.setName("Para condiciones " + tag);
        listForm.setValidFrom(LocalDate.of(2026, 1, 1));
        UUID listId = asSales(() -> priceLists.save(listForm));
        login(AccountFixtures.SALES);
        UI.getCurrent().navigate(DashboardView.class);

        ClientTermsDialog.open(client);
        ClientTermsDialog dialog = _get(ClientTermsDialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Condiciones de venta de Cliente exento " + tag);
        assertThat(dialog.taxRegime.getValue()).as("the defaults").isEqualTo(TaxRegime.DOMESTIC);
        assertThat(dialog.exemptionNote.isVisible()).isFalse();
        assertThat(dialog.legalNote.isVisible()).isFalse();

        dialog.taxRegime.setValue(TaxRegime.INTRA_EU);
        assertThat(dialog.legalNote.isVisible()).isTrue();
        assertThat(dialog.legalNote.getText())
                .isEqualTo(
                        "Sus facturas llevarán la mención: Entrega intracomunitaria exenta de IVA (art. 25 de la Ley 37/1992 del IVA).");
        dialog.taxRegime.setValue(TaxRegime.EXEMPT);
        assertThat(dialog.exemptionNote.isVisible()).isTrue();
        assertThat(dialog.exemptionNote.getPlaceholder())
                .isEqualTo("Operación exenta de IVA (art. 20 de la Ley 37/1992 del IVA).");

        dialog.withholding.setValue(new BigDecimal("150"));
        dialog.clientGroup.setValue("grupo no válido");
        dialog.documentDiscount.clear();
        _click(dialog.save);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.withholding.getErrorMessage())
                .isEqualTo(
                        "Un porcentaje mayor que 0 y menor que 100, con dos decimales como mucho (por ejemplo 15 o 7).");
        assertThat(dialog.clientGroup.getErrorMessage())
                .isEqualTo("Usa de 1 a 20 letras sin tildes, cifras, guiones o guiones bajos.");
        assertThat(dialog.documentDiscount.getErrorMessage()).isEqualTo("Obligatorio");
        assertThat(asSales(() -> terms.termsOf(client)).isDefault())
                .as("nothing saved")
                .isTrue();

        dialog.withholding.setValue(new BigDecimal("15"));
        dialog.clientGroup.setValue("hosteleria");
        dialog.documentDiscount.setValue(new BigDecimal("2.5"));
        dialog.exemptionNote.setValue("Exenta, art. 20.Uno.9º LIVA");
        PriceListRow list = dialog.priceList
                .getListDataView()
                .getItems()
                .filter(row -> row.id().equals(listId))
                .findFirst()
                .orElseThrow();
        dialog.priceList.setValue(list);
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        expectNotifications("Condiciones de venta guardadas.");
        ClientTerms saved = asSales(() -> terms.termsOf(client));
        assertThat(saved.taxRegime()).isEqualTo(TaxRegime.EXEMPT);
        assertThat(saved.exemptionNote()).isEqualTo("Exenta, art. 20.Uno.9º LIVA");
        assertThat(saved.withholdingPercent()).isEqualByComparingTo("15");
        assertThat(saved.clientGroup()).isEqualTo("HOSTELERIA");
        assertThat(saved.documentDiscountPercent()).isEqualByComparingTo("2.5");
        assertThat(saved.priceListId()).isEqualTo(listId);

        ClientTermsDialog.open(client);
        ClientTermsDialog reopened = _get(ClientTermsDialog.class);
        assertThat(reopened.priceList.getValue()).isEqualTo(list);
        assertThat(reopened.withholding.getValue()).isEqualByComparingTo("15");
    }

    @Test
    void a_read_only_user_sees_the_terms_without_a_save_button() {
        UUID client = asSales(() -> accounts.create(AccountFixtures.company("Cliente visto " + tag)));
        login(AccountFixtures.READ_ONLY);
        UI.getCurrent().navigate(DashboardView.class);

        ClientTermsDialog.open(client);
        ClientTermsDialog dialog = _get(ClientTermsDialog.class);
        assertThat(dialog.save.isVisible()).isFalse();
        assertThat(dialog.taxRegime.isReadOnly()).isTrue();
        assertThat(dialog.withholding.isReadOnly()).isTrue();
    }
}
