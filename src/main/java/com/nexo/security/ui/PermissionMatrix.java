package com.nexo.security.ui;

import com.nexo.security.Permission;
import com.nexo.security.roles.PermissionCatalog;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a role may do, on one screen: a row per module. The actions most modules have (view, create,
 * edit, delete) are columns, so they line up from module to module; each module's own actions (merge,
 * count, post...) are named boxes in one last column that wraps. A column per action would need a
 * dozen mostly empty columns, more with each module, and no longer fit a laptop's screen beside the
 * list of roles. Modules and actions come from the permission catalogue, so a new module appears here
 * without touching this class.
 */
class PermissionMatrix extends Div {

    /** The actions with a column of their own, in the order people think of them. */
    private static final List<String> COLUMNS = List.of("read", "create", "edit", "delete");

    private final Map<String, Checkbox> boxes = new LinkedHashMap<>();

    PermissionMatrix(PermissionCatalog catalog) {
        addClassName("permission-matrix");
        List<String> columns = COLUMNS.stream()
                .filter(action ->
                        catalog.all().stream().anyMatch(p -> p.action().equals(action)))
                .toList();
        boolean others = catalog.all().stream().anyMatch(p -> !COLUMNS.contains(p.action()));

        NativeTable table = new NativeTable();
        NativeTableRow head = table.getHead().addRow();
        head.add(new NativeTableHeaderCell(getTranslation("roles.matrix.module")));
        for (String action : columns) {
            head.add(new NativeTableHeaderCell(actionName(action)));
        }
        if (others) {
            NativeTableHeaderCell othersHeader = new NativeTableHeaderCell(getTranslation("roles.matrix.others"));
            othersHeader.addClassName("permission-matrix-others");
            head.add(othersHeader);
        }
        catalog.byModule().forEach((module, permissions) -> {
            NativeTableRow row = table.getBody().addRow();
            String moduleName = getTranslation("permission.module." + module);
            NativeTableHeaderCell moduleCell = new NativeTableHeaderCell(moduleName);
            moduleCell.getElement().setAttribute("scope", "row");
            row.add(moduleCell);
            for (String action : columns) {
                NativeTableCell cell = new NativeTableCell();
                if (permissions.contains(new Permission(module, action))) {
                    cell.add(box(module, moduleName, action, false));
                }
                row.add(cell);
            }
            if (others) {
                Div named = new Div();
                named.addClassName("permission-matrix-named");
                permissions.stream()
                        .filter(permission -> !COLUMNS.contains(permission.action()))
                        .forEach(permission -> named.add(box(module, moduleName, permission.action(), true)));
                NativeTableCell cell = new NativeTableCell(named);
                cell.addClassName("permission-matrix-others");
                row.add(cell);
            }
        });
        add(table);
    }

    /** A box; in the last column it carries the action's name, in the others the column says it. */
    private Checkbox box(String module, String moduleName, String action, boolean named) {
        Checkbox box = named ? new Checkbox(actionName(action)) : new Checkbox();
        box.setAriaLabel(getTranslation("roles.matrix.box", moduleName, actionName(action)));
        boxes.put(module + "." + action, box);
        return box;
    }

    private String actionName(String action) {
        return getTranslation("permission.action." + action);
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
