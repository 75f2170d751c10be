package com.nexo.security.ui;

import com.nexo.security.roles.RoleService.RoleSummary;
import com.nexo.security.users.UserList.RoleName;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;

/** A role's name on screen: predefined roles speak the user's language, others keep the name given. */
final class RoleNames {

    private RoleNames() {}

    static String of(Component context, RoleSummary role) {
        return of(context, role.code(), role.name(), role.predefined());
    }

    static String of(Component context, RoleName role) {
        return of(context, role.code(), role.name(), role.predefined());
    }

    /** Predefined roles first, then by the name the user reads, in the user's language's order. */
    static List<RoleSummary> sorted(Component context, List<RoleSummary> roles) {
        Collator collator = Collator.getInstance(UI.getCurrent().getLocale());
        return roles.stream()
                .sorted(Comparator.comparing((RoleSummary role) -> !role.predefined())
                        .thenComparing(role -> of(context, role), collator))
                .toList();
    }

    private static String of(Component context, String code, String name, boolean predefined) {
        return predefined ? context.getTranslation("role.predefined." + code) : name;
    }
}
