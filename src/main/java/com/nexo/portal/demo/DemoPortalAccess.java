package com.nexo.portal.demo;

import com.nexo.accounts.PortalContacts;
import com.nexo.demo.DemoData;
import com.nexo.demo.DemoTenant;
import com.nexo.security.PortalUsers;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's portal users (created with their accounts' party ids before any contact existed) become
 * the portal users of the contacts with their e-mail, so that the contacts list shows them active and
 * an employee can disable and re-enable them. Leaves contacts that already have a user alone.
 */
@Component
@Order(25)
@ConditionalOnBooleanProperty("nexo.demo.enabled")
class DemoPortalAccess implements DemoData {

    private static final List<UUID> PARTIES =
            List.of(DemoTenant.CLIENT_PARTY, DemoTenant.SUPPLIER_PARTY, DemoTenant.PROFESSIONAL_PARTY);

    private final PortalContacts contacts;
    private final PortalUsers users;

    DemoPortalAccess(PortalContacts contacts, PortalUsers users) {
        this.contacts = contacts;
        this.users = users;
    }

    @Override
    public void seed(DemoTenant tenant) {
        for (UUID party : PARTIES) {
            for (PortalContacts.PortalContact contact : contacts.ofAccount(party)) {
                if (contact.portalUserId() == null && contact.email() != null) {
                    users.findOfParty(party, contact.email())
                            .ifPresent(user -> contacts.linkPortalUser(contact.id(), user));
                }
            }
        }
    }
}
