package com.nexo.production.work;

/** An employee (a user of the tenant) or a professional (an account with the professional role). */
public enum WorkerKind {
    EMPLOYEE,
    PROFESSIONAL
}
