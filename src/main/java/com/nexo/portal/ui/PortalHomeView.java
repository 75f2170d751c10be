package com.nexo.portal.ui;

import com.nexo.accounts.PortalContacts;
import com.nexo.base.ui.PortalNotices;
import com.nexo.cms.ui.PublishedContentPanel;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's first page: a greeting naming the account the user acts for, what waits for the user,
 * gathered from every module's {@link PortalNotices} for the user's actor type, and what the CMS
 * publishes to the user's audience (news and pages, read in place). A module whose notices fail is
 * named as not loaded and the others still show.
 */
@Route("portal")
@RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
@Menu(title = "menu.portal.home", order = 0.0, icon = "vaadin:home")
public class PortalHomeView extends Main implements HasDynamicTitle {

    private static final Logger LOG = LoggerFactory.getLogger(PortalHomeView.class);

    final Div waiting = new Div();
    final Paragraph account = new Paragraph();
    final Component published;

    public PortalHomeView(List<PortalNotices> notices, PortalContacts contacts) {
        addClassName("portal-home");
        NexoUser user = CurrentUser.get().orElseThrow();
        add(new H2(getTranslation("portal.home.greeting", user.displayName())));
        contacts.ownAccountName().ifPresent(name -> account.setText(getTranslation("portal.home.account", name)));
        account.addClassName("portal-account");
        add(account);
        waiting.addClassName("portal-waiting");
        add(new Section(new H3(getTranslation("portal.home.waiting")), waiting));
        String actor = user.actorType().name();
        notices.stream()
                .filter(source -> source.actors().contains(actor))
                .sorted(Comparator.comparingInt(PortalNotices::order))
                .forEach(this::show);
        if (waiting.getChildren().findAny().isEmpty()) {
            waiting.add(new Paragraph(getTranslation("portal.home.nothing-waiting")));
        }
        // Built by Vaadin's Spring instantiator: the panel's reader is the CMS module's own business.
        published = VaadinService.getCurrent().getInstantiator().createComponent(PublishedContentPanel.class);
        Section content = new Section(published);
        content.addClassName("portal-published");
        add(content);
    }

    private void show(PortalNotices source) {
        try {
            for (PortalNotices.Notice notice : source.pending()) {
                Anchor link = new Anchor(notice.route(), getTranslation(notice.messageKey(), notice.count()));
                // Navigated inside the application, without reloading the page.
                link.getElement().setAttribute("router-link", true);
                link.addClassName("portal-notice");
                waiting.add(link);
            }
        } catch (RuntimeException failure) {
            LOG.warn("Portal notices of {} failed", source.getClass().getName(), failure);
            Paragraph failed = new Paragraph(getTranslation("portal.home.notices-failed"));
            failed.addClassName("portal-notice-failed");
            waiting.add(failed);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.home.title");
    }
}
