package com.nexo.base.ui;

import java.util.List;
import java.util.Set;

/**
 * What awaits a portal user in a module: a Spring bean in the module's {@code ui} package. The portal
 * home page asks every bean whose {@link #actors()} include the user's actor type and lists the
 * notices, each with a link into the module's portal page. A bean that fails is reported in its place
 * and the others still show.
 *
 * <p>{@link #pending()} runs as the signed-in portal user, under its own row-level security: it counts
 * what the database lets that user see (one cheap query per notice, never a list).
 */
public interface PortalNotices {

    /** Actor types (the role names CLIENT, SUPPLIER, PROFESSIONAL of {@code security.Roles}) it speaks to. */
    Set<String> actors();

    /** Where this bean's notices stand on the home page, lower first. */
    int order();

    /** What waits now for the current user; empty when nothing does. */
    List<Notice> pending();

    /**
     * One thing waiting.
     *
     * @param messageKey bundle key of the text; {@code {0}} in it is replaced by {@code count}
     * @param count how many (quotes to answer, jobs to accept...)
     * @param route the portal page that shows them, e.g. {@code portal/quotes}
     */
    record Notice(String messageKey, long count, String route) {}
}
