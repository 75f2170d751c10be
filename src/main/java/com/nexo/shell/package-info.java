/**
 * The application shell: the page frame (navigation, user menu), the dashboard, the PWA set-up and
 * the one place where unexpected errors are turned into a clear message.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shell",
        allowedDependencies = {"base", "security", "security :: user-menu", "tenancy"})
package com.nexo.shell;
