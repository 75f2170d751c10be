package com.nexo.shell.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page that failed while opening. The user reads a short explanation and an incident number; the
 * stack trace goes to the log under that number, never to the browser.
 */
@AnonymousAllowed
public class UnexpectedErrorView extends ProblemPage implements HasErrorParameter<Exception>, HasDynamicTitle {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String incident = Incidents.newId();
        LOG.error(
                "Incident {} while opening {}",
                incident,
                event.getLocation().getPath(),
                parameter.getCaughtException());
        show(getTranslation("error.unexpected.title"), getTranslation("error.unexpected.text", incident));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.unexpected.title");
    }
}
