package com.nexo.cms.content;

/** One language's text of an item as the editor writes it (Markdown body). */
public record TextDraft(String title, String summary, String bodyMarkdown) {}
