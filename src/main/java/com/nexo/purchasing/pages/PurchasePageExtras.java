package com.nexo.purchasing.pages;

import com.nexo.history.ChangeEntry;
import com.nexo.history.ChangeHistory;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a purchasing document's page shows beside the document itself, read in one transaction: its
 * timeline (the document, its lines, an RFQ's suppliers and answers, its e-mails) and the name of
 * whoever approved it.
 */
@Service
public class PurchasePageExtras {

    private static final int HISTORY_ENTRIES = 100;

    /** The timeline, newest first, and the approver's name (null when not approved or unknown). */
    public record Extras(List<ChangeEntry> history, String approvedByName) {

        public Extras {
            history = List.copyOf(history);
        }
    }

    private final ChangeHistory history;
    private final UserDirectory users;

    PurchasePageExtras(ChangeHistory history, UserDirectory users) {
        this.history = history;
        this.users = users;
    }

    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public Extras of(UUID documentId, UUID approvedBy) {
        List<ChangeEntry> entries = new ArrayList<>(history.timeline(documentId, null, HISTORY_ENTRIES));
        String approver =
                approvedBy == null ? null : users.namesOf(List.of(approvedBy)).get(approvedBy);
        return new Extras(entries, approver);
    }
}
