package com.nexo.articles.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.articles.warehouses.LocationRow;
import com.nexo.articles.warehouses.WarehouseForm;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.shell.ui.DashboardView;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AccessDeniedException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The warehouses screen: the list, the warehouse form, the locations of a warehouse. */
class WarehousesViewTest extends KaribuTest {

    @Autowired
    private WarehouseService warehouses;

    private static String code() {
        return "W"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 35), 36)
                        .toUpperCase();
    }

    @SuppressWarnings("unchecked")
    private static List<WarehouseRow> listed(WarehousesView view) {
        return GridKt._fetch(view.grid, 0, 500);
    }

    private static void select(WarehousesView view, UUID warehouseId) {
        List<WarehouseRow> rows = listed(view);
        for (int row = 0; row < rows.size(); row++) {
            if (rows.get(row).id().equals(warehouseId)) {
                GridKt._selectRow(view.grid, row);
                return;
            }
        }
        throw new AssertionError("warehouse not listed");
    }

    @Test
    void a_warehouse_with_invalid_fields_is_not_saved_and_once_corrected_it_is_listed() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(WarehousesView.class);
        WarehousesView view = _get(WarehousesView.class);
        assertThat(listed(view)).extracting(WarehouseRow::code).contains("CEN", "TAL", "FUR");
        int before = listed(view).size();

        _click(view.create);
        WarehouseFormDialog dialog = _get(WarehouseFormDialog.class);
        dialog.code.setValue("-mal código");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.code.isInvalid()).isTrue();
        assertThat(dialog.code.getErrorMessage())
                .isEqualTo(
                        "Usa de 1 a 16 letras, cifras, puntos, guiones o guiones bajos, empezando por una letra o una cifra.");
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Obligatorio");
        assertThat(listed(view)).hasSize(before);

        String code = code();
        dialog.code.setValue(code);
        dialog.name.setValue("Nave " + code);
        dialog.address.setValue("Polígono Sur, 4");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        expectNotifications("Almacén " + code + " guardado.");
        assertThat(listed(view))
                .filteredOn(value -> value.code().equals(code))
                .singleElement()
                .satisfies(value -> {
                    assertThat(value.name()).isEqualTo("Nave " + code);
                    assertThat(value.active()).isTrue();
                    assertThat(value.allowNegative()).isFalse();
                });
        assertThat(view.grid.asSingleSelect().getValue().code()).isEqualTo(code);

        _click(view.create);
        WarehouseFormDialog again = _get(WarehouseFormDialog.class);
        again.code.setValue(code);
        again.name.setValue("Otra nave");
        _click(again.save);
        assertThat(again.isOpened()).isTrue();
        assertThat(again.code.getErrorMessage()).isEqualTo("Ya hay un almacén con el código " + code + ".");
        assertThat(listed(view)).hasSize(before + 1);
    }

    @Test
    void editing_a_warehouse_keeps_its_code_and_saves_the_rest() {
        login("admin@demo.nexo");
        String code = code();
        UUID id = warehouses.createWarehouse(new WarehouseForm(code, "Nave " + code, null, false, true));
        UI.getCurrent().navigate(WarehousesView.class);
        WarehousesView view = _get(WarehousesView.class);
        select(view, id);

        _click(view.edit);
        WarehouseFormDialog dialog = _get(WarehouseFormDialog.class);
        assertThat(dialog.code.isReadOnly()).isTrue();
        assertThat(dialog.name.getValue()).isEqualTo("Nave " + code);
        dialog.name.setValue("Depósito " + code);
        dialog.allowNegative.setValue(true);
        dialog.active.setValue(false);
        _click(dialog.save);

        expectNotifications("Almacén " + code + " guardado.");
        WarehouseRow saved = warehouses.warehouse(id);
        assertThat(saved.name()).isEqualTo("Depósito " + code);
        assertThat(saved.allowNegative()).isTrue();
        assertThat(saved.active()).isFalse();
        assertThat(listed(view))
                .filteredOn(value -> value.id().equals(id))
                .extracting(WarehouseRow::name)
                .containsExactly("Depósito " + code);
    }

    @Test
    void a_location_is_added_to_the_selected_warehouse_refused_with_a_bad_code_and_renamed() {
        login("admin@demo.nexo");
        String code = code();
        UUID id = warehouses.createWarehouse(new WarehouseForm(code, "Nave " + code, null, false, true));
        UI.getCurrent().navigate(WarehousesView.class);
        WarehousesView view = _get(WarehousesView.class);
        select(view, id);
        assertThat(view.locationsTitle.getText()).isEqualTo("Ubicaciones de " + code);

        view.locationCode.setValue("pasillo 1");
        _click(view.addLocation);
        assertThat(view.locationCode.isInvalid()).isTrue();
        assertThat(view.locationCode.getErrorMessage())
                .isEqualTo("El código de la ubicación admite letras, cifras, puntos, barras y guiones (hasta 24).");
        assertThat(warehouses.listLocations(id)).isEmpty();

        view.locationCode.setValue("P1-E2");
        view.locationName.setValue("Pasillo 1, estante 2");
        _click(view.addLocation);

        expectNotifications("Ubicación P1-E2 añadida.");
        @SuppressWarnings("unchecked")
        List<LocationRow> shown = GridKt._fetch(view.locations, 0, 50);
        assertThat(shown).extracting(LocationRow::code).containsExactly("P1-E2");

        _click((Button) GridKt._getCellComponent(view.locations, 0, "rename"));
        Dialog rename = _get(Dialog.class);
        _get(rename, TextField.class, spec -> spec.withLabel("Nombre de ubicación"))
                .setValue("  Pasillo 1, estante 2 (alto) ");
        _click(_get(rename, Button.class, spec -> spec.withText("Guardar")));

        assertThat(warehouses.listLocations(id))
                .extracting(LocationRow::name)
                .containsExactly("Pasillo 1, estante 2 (alto)");
        @SuppressWarnings("unchecked")
        List<LocationRow> renamed = GridKt._fetch(view.locations, 0, 50);
        assertThat(renamed).extracting(LocationRow::name).containsExactly("Pasillo 1, estante 2 (alto)");
    }

    @Test
    void a_user_without_stock_configuration_has_no_menu_entry_and_is_refused() {
        login("consulta@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .contains("stock")
                .doesNotContain("stock/warehouses");

        assertThatThrownBy(() -> UI.getCurrent().navigate(WarehousesView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
