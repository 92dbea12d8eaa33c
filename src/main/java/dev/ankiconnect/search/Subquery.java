package dev.ankiconnect.search;

import java.util.List;

/** A parameterised {@code SELECT} of card ids (revlog windows), run as a sub-query or on its own. */
public record Subquery(String sql, List<Object> params) {
    public Subquery {
        params = List.copyOf(params);
    }
}
