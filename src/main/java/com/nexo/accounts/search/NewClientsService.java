package com.nexo.accounts.search;

import com.nexo.accounts.AccountPermissions;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clients created lately (the dashboard's card). Needs {@link AccountPermissions#READ}. */
@Service
public class NewClientsService {

    /** How far back a client counts as new. */
    public static final int DAYS = 30;

    /** The database's clock: the same moment the accounts' {@code created_at} come from. */
    private static final String COUNT = """
            SELECT count(*) FROM account a
            WHERE a.created_at >= now() - make_interval(days => :days)
              AND 'CLIENT' = ANY (a.roles) AND a.merged_into IS NULL
            """;

    private static final String LATEST = """
            SELECT a.id, coalesce(nullif(a.trade_name, ''), a.legal_name) AS name, a.created_at
            FROM account a
            WHERE a.created_at >= now() - make_interval(days => :days)
              AND 'CLIENT' = ANY (a.roles) AND a.merged_into IS NULL
            ORDER BY a.created_at DESC, a.id DESC
            LIMIT :latest
            """;

    private static final RowMapper<NewClients.Client> CLIENT = (row, i) -> new NewClients.Client(
            row.getObject("id", UUID.class),
            row.getString("name"),
            row.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    NewClientsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Clients created in the last {@link #DAYS} days: how many, and the {@code latest} newest. */
    @Transactional(readOnly = true)
    @RolesAllowed(AccountPermissions.READ)
    public NewClients newClients(int latest) {
        long count = jdbc.sql(COUNT).param("days", DAYS).query(Long.class).single();
        List<NewClients.Client> newest = jdbc.sql(LATEST)
                .param("days", DAYS)
                .param("latest", Math.max(0, Math.min(latest, 20)))
                .query(CLIENT)
                .list();
        return new NewClients(DAYS, count, newest);
    }
}
