package com.nexo.production.portal;

import com.nexo.production.work.WorkFixtures;
import com.nexo.production.work.WorkService;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.tenancy.ActorType;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * A professional of the demo tenant made for one test class: its account, its worker (at 30 an
 * hour) and a portal user tied to the account, logged in as a real professional; jobs are service
 * tasks of released orders assigned to its worker through WorkService, as the back office assigns
 * them. The demo professional's own jobs are left alone.
 */
public final class PortalFixtures {

    public static final String PASSWORD = "Portal-Prueba-2026!";

    public final WorkFixtures work;
    public final UUID account;
    public final UUID worker;
    public final String email;
    public final UUID centre;
    public final UUID warehouse;
    private final WorkService workService;

    public PortalFixtures(ApplicationContext context, String name) {
        this.work = new WorkFixtures(context);
        this.workService = context.getBean(WorkService.class);
        this.account = work.professional(name);
        this.worker = work.professionalWorker(account, "30");
        this.centre = work.centre("10");
        this.warehouse = work.warehouse();
        this.email = "pro-" + name.toLowerCase(Locale.ROOT) + "-" + work.tag.toLowerCase(Locale.ROOT) + "@demo.nexo";
        UserService users = context.getBean(UserService.class);
        work.as(
                WorkFixtures.ADMIN,
                () -> users.createUser(new NewUser(
                        email, name + " " + work.tag, ActorType.PROFESSIONAL, account, Set.of(), PASSWORD, "es")));
    }

    /** A job waiting to be accepted: a task of a new released order, assigned to the professional's worker. */
    public Assigned job(String plannedHours) {
        UUID order = work.order("RELEASED", work.goods(), "5", LocalDate.now().plusDays(7), centre, warehouse);
        UUID task = work.task(order, 1, work.service(), plannedHours);
        work.as(WorkFixtures.ADMIN, () -> workService.assign(task, worker));
        return new Assigned(order, task);
    }

    public record Assigned(UUID order, UUID task) {}
}
