package com.nexo.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Set;

/**
 * A card a module puts on the dashboard: a Spring bean in the module's {@code ui} package. The
 * dashboard (in the shell) shows it only to users whose roles grant {@link #permission()} (or who act
 * as one of its {@link #actors()}), places it
 * by {@link #order()}, gives it its frame and title, and lays the cards out for the screen. When
 * {@link #content()} fails, the card shows a translated "could not load" in its place and the rest of
 * the dashboard carries on.
 *
 * <p>A card is a glance, not a page: a few figures or the latest handful of entries, read with one
 * service call while {@link #content()} builds it, with links into the module's own pages for more.
 * Data loaded later (a lazy grid) fails outside the dashboard's protection.
 */
public interface DashboardCard {

    /**
     * The permission ({@code module.action}, e.g. {@code accounts.read}) a user needs to see the card,
     * normally the one its service method checks.
     */
    String permission();

    /**
     * Actor types (the role names {@code CLIENT}, {@code SUPPLIER}, {@code PROFESSIONAL} of {@code
     * security.Roles}) who see the card besides the holders of {@link #permission()}: portal users hold
     * no permissions, so a card meant for them names their actor type here. Its service must let them in
     * too.
     */
    default Set<String> actors() {
        return Set.of();
    }

    /**
     * Where the card stands among the others, lower first. Business figures come first (below 500);
     * administration after (900 and up). Leave gaps, so later cards fit in between.
     */
    int order();

    /** The bundle key of the card's title. */
    String titleKey();

    /** Whether the card needs two columns where the screen has them (a short list with several columns). */
    default boolean wide() {
        return false;
    }

    /**
     * What the card shows, built for the current user when the dashboard opens. Texts come from the
     * bundles ({@code getTranslation} on the components).
     */
    Component content();
}
