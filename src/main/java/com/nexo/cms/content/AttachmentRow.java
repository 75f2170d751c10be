package com.nexo.cms.content;

import java.util.UUID;

/**
 * An image or file uploaded into an item. {@code address} is what its Markdown refers to
 * ({@code /cms/files/<file id>}; public pages serve the same file under their own address).
 */
public record AttachmentRow(
        UUID id, UUID fileId, String name, String contentType, long size, boolean image, String address) {}
