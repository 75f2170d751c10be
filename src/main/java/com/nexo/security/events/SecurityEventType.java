package com.nexo.security.events;

/** What the security event log records. */
public enum SecurityEventType {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOCKED_OUT,
    LOGOUT,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    USER_CREATED,
    USER_ENABLED,
    USER_DISABLED,
    USER_ROLES_CHANGED,
    ROLE_CREATED,
    ROLE_CHANGED,
    ROLE_DELETED,
    SSO_SETTINGS_CHANGED,
    SESSIONS_ENDED
}
