package com.nexo.cms.content;

import com.nexo.cms.ContentLanguage;
import java.util.UUID;

/**
 * One language's text of an item as stored: the Markdown, its sanitised HTML and, for a document, its
 * file (null fields when it has none).
 */
public record ItemText(
        ContentLanguage language,
        String title,
        String summary,
        String bodyMarkdown,
        String bodyHtml,
        UUID fileId,
        String fileName,
        String fileType,
        Long fileSize) {}
