package com.nexo.crm.pipelines;

import java.util.List;
import java.util.UUID;

/** A sales team with its members (user ids and display names). */
public record TeamRow(UUID id, String name, boolean archived, List<Member> members) {

    public TeamRow {
        members = List.copyOf(members);
    }

    /** A member of a team. */
    public record Member(UUID userId, String name) {}
}
