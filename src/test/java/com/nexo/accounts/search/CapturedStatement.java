package com.nexo.accounts.search;

import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL and named parameters of the first statement some code sends through a {@link JdbcClient},
 * caught by a stand-in client that runs nothing (its queries return no rows). Lets the benchmark run
 * exactly the service's statement under {@code EXPLAIN ANALYZE}.
 */
record CapturedStatement(String sql, Map<String, Object> params) {

    static CapturedStatement of(Consumer<JdbcClient> work) {
        String[] sql = {null};
        Map<String, Object> params = new LinkedHashMap<>();
        Object[] spec = {null};
        Object[] query = {null};
        query[0] = Proxy.newProxyInstance(
                JdbcClient.class.getClassLoader(),
                new Class<?>[] {JdbcClient.MappedQuerySpec.class, JdbcClient.ResultQuerySpec.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "list" -> List.of();
                    case "set" -> Set.of();
                    case "stream" -> Stream.empty();
                    case "optional" -> Optional.empty();
                    case "listOfRows" -> List.of();
                    default -> null;
                });
        spec[0] = Proxy.newProxyInstance(
                JdbcClient.class.getClassLoader(),
                new Class<?>[] {JdbcClient.StatementSpec.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "param" -> {
                            if (args.length == 2 && args[0] instanceof String name) {
                                params.put(name, args[1]);
                            }
                            return proxy;
                        }
                        case "params" -> {
                            if (args.length == 1 && args[0] instanceof Map<?, ?> map) {
                                map.forEach((name, value) -> params.put((String) name, value));
                            }
                            return proxy;
                        }
                        case "query" -> {
                            return query[0];
                        }
                        case "update" -> {
                            return 0;
                        }
                        default -> {
                            return proxy;
                        }
                    }
                });
        JdbcClient client = (JdbcClient) Proxy.newProxyInstance(
                JdbcClient.class.getClassLoader(), new Class<?>[] {JdbcClient.class}, (proxy, method, args) -> {
                    if ("sql".equals(method.getName()) && sql[0] == null) {
                        sql[0] = (String) args[0];
                    }
                    return spec[0];
                });
        work.accept(client);
        return new CapturedStatement(sql[0], params);
    }
}
