/** The security log: who logged in, failed to, or changed access, and when. */
package com.nexo.security.events;
