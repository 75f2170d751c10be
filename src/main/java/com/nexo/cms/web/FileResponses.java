package com.nexo.cms.web;

import com.nexo.base.files.StoredFile;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** The headers of a served content file, set before its bytes are written. */
final class FileResponses {

    /** Tells the browser to trust the declared type and never guess another from the bytes. */
    private static final String NO_SNIFF = "X-Content-Type-Options";

    /** Types a browser may show in place: images of the kinds editors may upload, and PDF. */
    private static final Set<String> INLINE =
            Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf");

    private FileResponses() {}

    static OutputStream open(HttpServletResponse response, StoredFile file, String cacheControl) throws IOException {
        String type = file.contentType() == null
                ? "application/octet-stream"
                : file.contentType().toLowerCase(Locale.ROOT);
        boolean inline = INLINE.contains(type);
        response.setStatus(HttpServletResponse.SC_OK);
        // Anything not shown in place is served as bytes to save, never as a page of this origin.
        response.setContentType(inline ? type : "application/octet-stream");
        response.setContentLengthLong(file.size());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(file.name(), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader(NO_SNIFF, "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (file.sha256() != null) {
            response.setHeader(HttpHeaders.ETAG, "\"" + file.sha256() + "\"");
        }
        return response.getOutputStream();
    }
}
