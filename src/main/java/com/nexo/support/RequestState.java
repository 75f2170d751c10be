package com.nexo.support;

/** Where a request stands: whose turn it is, or done. */
public enum RequestState {
    /** Waits for the back office (new, or the client wrote last). */
    OPEN,
    /** The back office answered; waits for the client. */
    ANSWERED,
    /** Done; closed by either side. */
    CLOSED
}
