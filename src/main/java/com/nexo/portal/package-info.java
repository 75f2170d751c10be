/**
 * Portals: the frame external actors (clients, suppliers, professionals) work in, its home page and
 * access per contact (invitations, enabling and disabling a contact's portal user).
 *
 * <p>Each module builds its own portal pages under {@code portal/...} routes in its own packages; they
 * get {@code ui.PortalLayout} by their address alone, so no module depends on this one. What waits for
 * an actor reaches the home page through {@code base.ui.PortalNotices} beans.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Portals",
        allowedDependencies = {"base", "security", "security :: user-menu", "tenancy"})
package com.nexo.portal;
