package com.nexo.production.portal.ui;

import com.nexo.base.ui.PortalNotices;
import com.nexo.production.portal.ProfessionalJobs;
import com.nexo.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What waits for a professional on the portal's home page: jobs to accept, and its clock if one runs. */
@Component
class ProfessionalNotices implements PortalNotices {

    private final ProfessionalJobs jobs;

    ProfessionalNotices(ProfessionalJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Set<String> actors() {
        return Set.of(Roles.PROFESSIONAL);
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<Notice> pending() {
        String waitingKey = "portal.professional.notice.to-accept";
        String clockKey = "portal.professional.notice.clock-running";
        List<Notice> notices = new ArrayList<>(2);
        long waiting = jobs.waitingToBeAccepted();
        if (waiting > 0) {
            notices.add(new Notice(waitingKey, waiting, ProfessionalJobsView.ROUTE));
        }
        jobs.runningClock()
                .ifPresent(running -> notices.add(new Notice(
                        "portal.professional.notice.clock-running",
                        1,
                        ProfessionalJobsView.ROUTE + "/" + running.taskId())));
        return notices;
    }
}
