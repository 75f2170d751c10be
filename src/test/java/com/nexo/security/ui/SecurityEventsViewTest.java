package com.nexo.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.security.UserService;
import com.nexo.security.events.SecurityEventList.SecurityEvent;
import com.nexo.security.events.SecurityEventType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import com.vaadin.flow.shared.JsonConstants;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

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
    @Test
    void on_a_tablet_the_list_keeps_when_what_whom_and_details_and_drops_who_acted_and_from_where() {
        UI.getCurrent().navigate(SecurityEventsView.class);
        // The browser first reports its window (Karibu's, answering at the next look-up, is wide)...
        assertThat(visibleColumnHeaders()).hasSize(6);
        // ...then the window changes size.

        resizeWindow(768, 1024);
        assertThat(visibleColumnHeaders()).containsExactly("Cuándo", "Evento", "Usuario", "Detalles");

        resizeWindow(1280, 800);
        assertThat(visibleColumnHeaders())
                .containsExactly("Cuándo", "Evento", "Usuario", "Hecho por", "Dirección", "Detalles");
    }

    /** What the browser reports when its window changes size (Vaadin's "window-resize" event). */
    private static void resizeWindow(int width, int height) {
        UI ui = UI.getCurrent();
        ObjectNode size = JacksonUtils.createObjectNode();
        size.put("event.w", width);
        size.put("event.h", height);
        // Vaadin debounces the event: the listener gets the last one of a burst, marked as such.
        size.put(JsonConstants.EVENT_DATA_PHASE, JsonConstants.EVENT_PHASE_TRAILING);
        size.put(ElementListenerMap.ALWAYS_TRUE_FILTER, true);
        ui.getElement()
                .getNode()
                .getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(ui.getElement(), "window-resize", size));
    }

    /** The headers, among all the list has, of the columns shown now. */
    private static List<String> visibleColumnHeaders() {
        return Stream.of("Cuándo", "Evento", "Usuario", "Hecho por", "Dirección", "Detalles")
                .filter(header -> GridKt._getColumnByHeader(grid(), header).isVisible())
                .toList();
    }

    private static Grid<SecurityEvent> grid() {
        return _get(Grid.class);
    }
}
