/**
 * CMS: pages, news, knowledge-base articles and documents, each in Spanish and English, published to
 * chosen audiences (internal employees or chosen roles, clients, suppliers, professionals, the public)
 * and enforced by the database's policies per actor role; Markdown rendered and sanitised on the
 * server; revisions with restore; a publish/expire schedule; the document library with folders and
 * full-text search in both languages; public pages served without login.
 *
 * <p>This package is what other modules may use: the permissions, the shared types and the reader
 * component portals embed ({@code ui.PublishedContentPanel}). Sub-features: {@code content} (items,
 * texts, revisions, schedule, rendering, reading), {@code library} (folders and documents), {@code
 * search}, {@code web} (public pages), {@code demo} and {@code ui}. Files go through base's {@code
 * FileStorage}; roles are read through the security module's API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "CMS",
        allowedDependencies = {"base", "demo", "history", "security", "tenancy"})
package com.nexo.cms;
