package com.nexo.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * Grid columns that only a wide screen has room for: hidden while the browser window is narrower
 * than a given width (a tablet held upright), shown again when it is wider. The list keeps its
 * important columns in view instead of scrolling sideways.
 */
public final class NarrowScreens {

    private NarrowScreens() {}

    /** Hides {@code columns} while the window is narrower than {@code minWidthPx}. */
    public static void hideColumnsBelow(Grid<?> grid, int minWidthPx, List<? extends Grid.Column<?>> columns) {
        grid.addAttachListener(attach -> {
            UI ui = attach.getUI();
            var known = ui.getPage().getExtendedClientDetails();
            if (known != null && known.getWindowInnerWidth() > 0) {
                apply(columns, known.getWindowInnerWidth() >= minWidthPx);
            } else {
                ui.getPage().retrieveExtendedClientDetails(details -> {
                    if (details.getWindowInnerWidth() > 0) {
                        apply(columns, details.getWindowInnerWidth() >= minWidthPx);
                    }
                });
            }
            Registration resize = ui.getPage()
                    .addBrowserWindowResizeListener(event -> apply(columns, event.getWidth() >= minWidthPx));
            grid.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    private static void apply(List<? extends Grid.Column<?>> columns, boolean wide) {
        columns.forEach(column -> column.setVisible(wide));
    }
}
