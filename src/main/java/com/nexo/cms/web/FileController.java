package com.nexo.cms.web;

import com.nexo.base.Ids;
import com.nexo.cms.content.ContentReader;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The images, attachments and document files of content, for logged-in users (employees and portal
 * actors): what the reader's policies and roles let it read ({@link ContentReader#copyFile}), else 404,
 * the same answer as for a file that does not exist.
 */
@Controller
class FileController {

    static final String ROOT = "/cms/files";

    private final ContentReader reader;

    FileController(ContentReader reader) {
        this.reader = reader;
    }

    @GetMapping(ROOT + "/{fileId}")
    void file(@PathVariable String fileId, HttpServletResponse response) throws IOException {
        Optional<UUID> id = Ids.parse(fileId);
        boolean served;
        try {
            served = id.isPresent() && reader.copyFile(id.get(), file -> FileResponses.open(response, file, "private"));
        } catch (AccessDeniedException e) {
            // A logged-in user without any reading right (the platform operator): nothing to show.
            served = false;
        }
        if (!served) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
