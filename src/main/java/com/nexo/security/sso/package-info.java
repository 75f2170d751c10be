/** Single sign-on with OpenID Connect: the providers configured, the login that turns a verified e-mail into a NEXO user, and the tenant's settings for creating users on first sign-on. */
package com.nexo.security.sso;
