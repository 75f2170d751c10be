package com.nexo.base.paging;

import java.io.Serializable;
import java.util.Objects;

/**
 * A list's sort as the user chose it: one of the orders the list offers (an enum of the module, each
 * constant mapped to a {@link ListOrder} by the module's SQL) and its direction.
 */
public record Sort<E extends Enum<E>>(E by, boolean descending) implements Serializable {

    public Sort {
        Objects.requireNonNull(by, "by");
    }

    public static <E extends Enum<E>> Sort<E> ascending(E by) {
        return new Sort<>(by, false);
    }

    public static <E extends Enum<E>> Sort<E> descending(E by) {
        return new Sort<>(by, true);
    }
}
