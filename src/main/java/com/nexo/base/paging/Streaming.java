package com.nexo.base.paging;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link JdbcClient} that reads results a batch at a time (PostgreSQL's driver uses a cursor when
 * the fetch size is set and the statement runs inside a transaction), for exports of any size.
 */
public final class Streaming {

    /** Rows per round trip: large enough to keep round trips few, small enough to bound memory. */
    public static final int FETCH_SIZE = 500;

    private Streaming() {}

    public static JdbcClient client(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        return JdbcClient.create(template);
    }
}
