package com.nexo.support.ui;

import com.nexo.base.ui.PortalNotices;
import com.nexo.security.Roles;
import com.nexo.support.requests.PortalRequests;
import com.nexo.support.requests.RequestRoutes;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The portal home's notice of answers to the actor's requests that it has not opened yet (every portal). */
@Component
class RequestNotices implements PortalNotices {

    private final PortalRequests requests;

    RequestNotices(PortalRequests requests) {
        this.requests = requests;
    }

    @Override
    public Set<String> actors() {
        return Set.of(Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL);
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<Notice> pending() {
        long unread = requests.unreadAnswers();
        String messageKey = "support.notice.answered";
        return unread == 0 ? List.of() : List.of(new Notice(messageKey, unread, RequestRoutes.PORTAL));
    }
}
