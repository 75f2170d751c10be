/** Login: the authentication provider with its throttle, the login form's CSRF check, the user details service, the per-request check of a user's current access, and the web security set-up. */
package com.nexo.security.login;
