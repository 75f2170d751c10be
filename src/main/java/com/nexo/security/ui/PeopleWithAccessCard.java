package com.nexo.security.ui;

import com.nexo.base.ui.CardRows;
import com.nexo.base.ui.DashboardCard;
import com.nexo.security.AccessPermissions;
import com.nexo.security.UserService;
import com.nexo.tenancy.ActorType;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;

/** The administrators' dashboard card: how many people of each kind may log in to the tenant. */
@org.springframework.stereotype.Component
class PeopleWithAccessCard implements DashboardCard {

    private static final List<ActorType> PEOPLE =
            List.of(ActorType.EMPLOYEE, ActorType.CLIENT, ActorType.SUPPLIER, ActorType.PROFESSIONAL);

    private final UserService users;

    PeopleWithAccessCard(UserService users) {
        this.users = users;
    }

    @Override
    public String permission() {
        return AccessPermissions.USERS_READ;
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public String titleKey() {
        return "dashboard.users.title";
    }

    @Override
    public Component content() {
        Map<ActorType, Long> counts = users.countUsersByActorType();
        CardRows list = new CardRows();
        for (ActorType type : PEOPLE) {
            list.add(
                    new Span(list.getTranslation("actor." + type.dbValue() + ".plural")),
                    new Span(String.valueOf(counts.getOrDefault(type, 0L))));
        }
        return list;
    }
}
