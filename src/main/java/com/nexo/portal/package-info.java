/**
 * Portals: the frame external actors (clients, suppliers, professionals) work in, its home page and
 * access per contact (invitations, enabling and disabling a contact's portal user).
 *
 * <p>Each module builds its own portal pages under {@code portal/...} routes in its own packages; they
 * get {@code ui.PortalLayout} by their address alone, so no module depends on this one. What waits for
 * an actor reaches the home page through {@code base.ui.PortalNotices} beans; what the CMS publishes to
 * the actor's audience, through its {@code PublishedContentPanel}.
 *
 * <p>Access per contact lives here, in {@code invitations}, and not in accounts or security, because
 * it is the one piece that needs all three: the contact and its account (accounts' {@code
 * PortalContacts}), the user it becomes (security's {@code UserService} and {@code PortalUsers}) and
 * the mail. The accounts module's contacts list calls it through the small interface it declares
 * itself ({@code accounts.ContactPortal}, implemented by {@code invitations.PortalInvitations}), so
 * accounts does not depend on portals, and security keeps only what is about users (creating them,
 * enabling them, their sessions). The shell sends external actors here by address ("portal"), without
 * depending on this module either.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Portals",
        allowedDependencies = {
            "accounts",
            "base",
            "cms :: published-content",
            "demo",
            "security",
            "security :: user-menu",
            "tenancy"
        })
package com.nexo.portal;
