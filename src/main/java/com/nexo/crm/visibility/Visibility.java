package com.nexo.crm.visibility;

import java.util.Set;
import java.util.UUID;

/**
 * What part of the tenant's leads, opportunities and activities one user sees, by their owner (an
 * activity's assignee). {@link #all()}: everything; otherwise the records owned by {@link #owners()},
 * and unowned ones too when {@link #unowned()}.
 */
public record Visibility(boolean all, Set<UUID> owners, boolean unowned) {

    public static final Visibility ALL = new Visibility(true, Set.of(), true);
    public static final Visibility NONE = new Visibility(false, Set.of(), false);

    public Visibility {
        owners = Set.copyOf(owners);
    }

    /** Whether a record owned by {@code ownerId} (null: nobody) is seen. */
    public boolean sees(UUID ownerId) {
        if (all) {
            return true;
        }
        return ownerId == null ? unowned : owners.contains(ownerId);
    }

    /** The owners as an array, for {@code owner_id = ANY(?)} in SQL; meaningless when {@link #all()}. */
    public UUID[] ownerArray() {
        return owners.toArray(UUID[]::new);
    }
}
