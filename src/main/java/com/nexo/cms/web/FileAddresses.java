package com.nexo.cms.web;

import java.util.UUID;

/** Where content files are served: to logged-in users, and to anyone for a tenant's public items. */
final class FileAddresses {

    /** What stored HTML refers to (see {@code AttachmentRow.address}). */
    static final String LOGGED_IN = FileController.ROOT + "/";

    private FileAddresses() {}

    static String publicFiles(String tenantCode) {
        return PublicPagesController.ROOT + "/" + tenantCode + "/files/";
    }

    static String publicFile(String tenantCode, UUID fileId) {
        return publicFiles(tenantCode) + fileId;
    }
}
