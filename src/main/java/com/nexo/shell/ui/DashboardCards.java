package com.nexo.shell.ui;

import com.nexo.base.ui.DashboardCard;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * The cards the modules contribute, for the current user: only those its roles allow, in the order
 * the cards state, each in its own frame, so that one that fails says so inside itself and the others
 * still show. With no card for this user, a short text says where to go instead.
 */
class DashboardCards extends Div {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardCards.class);

    /** Cards by their own order; equal orders by class, so the place of a card never varies. */
    private static final Comparator<DashboardCard> ORDER = Comparator.comparingInt(DashboardCard::order)
            .thenComparing(card -> card.getClass().getName());

    private final int shown;

    DashboardCards(List<? extends DashboardCard> cards) {
        addClassName("dashboard-cards");
        List<? extends DashboardCard> mine = cards.stream()
                .filter(DashboardCards::shownToCurrentUser)
                .sorted(ORDER)
                .toList();
        mine.forEach(card -> add(frame(card)));
        shown = mine.size();
        if (mine.isEmpty()) {
            Div empty = new Div(
                    new H3(getTranslation("dashboard.empty.title")),
                    new Paragraph(getTranslation("dashboard.empty.text")));
            empty.addClassName("dashboard-empty");
            add(empty);
        }
    }

    /** For holders of the card's permission, and for the actor types it names (portal users). */
    private static boolean shownToCurrentUser(DashboardCard card) {
        return CurrentUser.can(card.permission())
                || CurrentUser.get()
                        .map(user -> card.actors().contains(user.actorType().name()))
                        .orElse(false);
    }

    /** How many contributed cards this user sees. */
    int shown() {
        return shown;
    }

    private Section frame(DashboardCard card) {
        Section frame = new Section(new H3(getTranslation(card.titleKey())));
        frame.addClassName("dashboard-card");
        if (card.wide()) {
            frame.addClassName("dashboard-card-wide");
        }
        frame.add(contentOf(card));
        return frame;
    }

    private Component contentOf(DashboardCard card) {
        try {
            return card.content();
        } catch (AccessDeniedException e) {
            // The card's permission and its service's check disagree: a bug, but not this user's.
            String incident = Incidents.newId();
            LOG.warn(
                    "Incident {}: dashboard card {} refused for its own permission: {}",
                    incident,
                    card.getClass().getName(),
                    e.getMessage());
            return failed(incident);
        } catch (RuntimeException e) {
            String incident = Incidents.newId();
            LOG.error(
                    "Incident {}: dashboard card {} failed",
                    incident,
                    card.getClass().getName(),
                    e);
            return failed(incident);
        }
    }

    private Paragraph failed(String incident) {
        Paragraph failed = new Paragraph(getTranslation("dashboard.card.failed", incident));
        failed.addClassName("dashboard-card-failed");
        return failed;
    }
}
