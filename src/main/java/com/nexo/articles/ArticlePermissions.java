package com.nexo.articles;

import com.nexo.security.ModulePermissions;
import com.nexo.security.Permission;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Permissions of the articles module: the catalogue ({@code articles.*}) and the stock
 * ({@code stock.*}), two module codes so that a role may see the catalogue without moving stock.
 */
public final class ArticlePermissions {

    public static final String READ = "articles.read";
    public static final String CREATE = "articles.create";
    public static final String EDIT = "articles.edit";
    public static final String DELETE = "articles.delete";
    public static final String EXPORT = "articles.export";

    public static final String STOCK_READ = "stock.read";
    /** Receipts, issues, transfers and adjustments. */
    public static final String STOCK_MOVE = "stock.move";
    /** Reserve, release and consume stock for orders. */
    public static final String STOCK_RESERVE = "stock.reserve";
    /** Start stock counts and enter counted quantities. */
    public static final String STOCK_COUNT = "stock.count";
    /** Post a count's differences as adjustments. */
    public static final String STOCK_POST = "stock.post";
    /** Warehouses, locations and replenishment levels. */
    public static final String STOCK_CONFIGURE = "stock.configure";

    private ArticlePermissions() {}

    @Component
    static class Articles implements ModulePermissions {
        @Override
        public String module() {
            return "articles";
        }

        @Override
        public List<Permission> permissions() {
            return Stream.of(READ, CREATE, EDIT, DELETE, EXPORT)
                    .map(Permission::parse)
                    .toList();
        }
    }

    @Component
    static class Stock implements ModulePermissions {
        @Override
        public String module() {
            return "stock";
        }

        @Override
        public List<Permission> permissions() {
            return Stream.of(STOCK_READ, STOCK_MOVE, STOCK_RESERVE, STOCK_COUNT, STOCK_POST, STOCK_CONFIGURE)
                    .map(Permission::parse)
                    .toList();
        }
    }
}
