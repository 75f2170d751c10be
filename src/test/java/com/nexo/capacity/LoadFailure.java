package com.nexo.capacity;

/** Something a real browser's user would have noticed: the simulated user counts it and starts over. */
final class LoadFailure extends RuntimeException {

    private final String reason;

    LoadFailure(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** A short, fixed text to count failures by (the message carries the details). */
    String reason() {
        return reason;
    }
}
