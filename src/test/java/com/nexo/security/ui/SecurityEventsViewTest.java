package com.nexo.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.security.UserService;
import com.nexo.security.events.SecurityEventLog.SecurityEvent;
import com.nexo.security.events.SecurityEventType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SecurityEventsViewTest extends KaribuTest {

    @Autowired
    private UserService users;

    @BeforeEach
    void loginAsAdministrator() {
        login("admin@demo.nexo");
    }

    @Test
    void a_new_user_shows_up_as_the_newest_event_with_who_did_it() {
        String name = "Registrada " + AdminFixtures.unique("evento");
        AdminFixtures.createEmployee(users, AdminFixtures.uniqueEmail("evento"), name, "read-only");

        UI.getCurrent().navigate(SecurityEventsView.class);

        assertThat(GridKt._getFormattedRow(grid(), 0)).element(1).isEqualTo("Usuario creado");
        assertThat(GridKt._getCellComponent(grid(), 0, "user").getElement().getTextRecursively())
                .isEqualTo(name);
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains("Ana Administradora");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Registro de seguridad");
    }

    @Test
    void the_type_filter_shows_only_events_of_that_type() {
        AdminFixtures.createEmployee(users, AdminFixtures.uniqueEmail("filtro"), "Filtrada", "read-only");
        UI.getCurrent().navigate(SecurityEventsView.class);

        @SuppressWarnings("unchecked")
        Select<SecurityEventType> type = _get(Select.class);
        type.setValue(SecurityEventType.USER_CREATED);

        assertThat(GridKt._fetch(grid(), 0, 100))
                .isNotEmpty()
                .extracting(SecurityEvent::type)
                .containsOnly(SecurityEventType.USER_CREATED);

        type.setValue(SecurityEventType.ROLE_DELETED);
        assertThat(GridKt._fetch(grid(), 0, 100))
                .allSatisfy(event -> assertThat(event.type()).isEqualTo(SecurityEventType.ROLE_DELETED));
    }

    @SuppressWarnings("unchecked")
    private static Grid<SecurityEvent> grid() {
        return _get(Grid.class);
    }
}
