package com.nexo.security.ui;

import com.nexo.security.Permission;
import com.nexo.security.roles.PermissionCatalog;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a role may do, on one screen: a row per module, a column per action, and a box wherever the
 * module has that action. Modules and actions come from the permission catalogue, so a new module
 * appears here without touching this class.
 */
class PermissionMatrix extends Div {

    /** Actions in the order people think of them; any other action follows in alphabetical order. */
    private static final List<String> USUAL_ORDER = List.of("read", "create", "edit", "delete");

    private final Map<String, Checkbox> boxes = new LinkedHashMap<>();

    PermissionMatrix(PermissionCatalog catalog) {
        addClassName("permission-matrix");
        List<String> actions = actions(catalog);
        NativeTable table = new NativeTable();
        NativeTableRow head = table.getHead().addRow();
        head.add(new NativeTableHeaderCell(getTranslation("roles.matrix.module")));
        for (String action : actions) {
            head.add(new NativeTableHeaderCell(getTranslation("permission.action." + action)));
        }
        catalog.byModule().forEach((module, permissions) -> {
            NativeTableRow row = table.getBody().addRow();
            String moduleName = getTranslation("permission.module." + module);
            NativeTableHeaderCell moduleCell = new NativeTableHeaderCell(moduleName);
            moduleCell.getElement().setAttribute("scope", "row");
            row.add(moduleCell);
            for (String action : actions) {
                NativeTableCell cell = new NativeTableCell();
                if (permissions.contains(new Permission(module, action))) {
                    Checkbox box = new Checkbox();
                    box.setAriaLabel(getTranslation(
                            "roles.matrix.box", moduleName, getTranslation("permission.action." + action)));
                    boxes.put(module + "." + action, box);
                    cell.add(box);
                }
                row.add(cell);
            }
        });
        add(table);
    }

    private static List<String> actions(PermissionCatalog catalog) {
        return catalog.all().stream()
                .map(Permission::action)
                .distinct()
                .sorted(Comparator.comparingInt((String action) -> {
                            int usual = USUAL_ORDER.indexOf(action);
                            return usual < 0 ? USUAL_ORDER.size() : usual;
                        })
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** Ticks exactly these permission codes ({@code module.action}). */
    void setValue(Set<String> permissions) {
        boxes.forEach((code, box) -> box.setValue(permissions.contains(code)));
    }

    /** The permission codes ticked. */
    Set<String> getValue() {
        Set<String> ticked = new HashSet<>();
        boxes.forEach((code, box) -> {
            if (box.getValue()) {
                ticked.add(code);
            }
        });
        return ticked;
    }

    void setReadOnly(boolean readOnly) {
        boxes.values().forEach(box -> box.setReadOnly(readOnly));
    }
}
