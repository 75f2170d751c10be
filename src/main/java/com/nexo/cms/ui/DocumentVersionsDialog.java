package com.nexo.cms.ui;

import com.nexo.base.files.StoredFile;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.content.ContentService;
import com.nexo.cms.content.RevisionRow;
import com.nexo.cms.library.DocumentRow;
import com.nexo.cms.library.LibraryService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;
import java.util.UUID;

/** Every saved version of a document, newest first, each with the file it had then to download. */
class DocumentVersionsDialog extends Dialog {

    final Grid<RevisionRow> revisions = new Grid<>();

    DocumentVersionsDialog(
            LibraryService library, ContentService content, DocumentRow document, ContentLanguage language) {
        addClassName("cms-versions-dialog");
        setHeaderTitle(getTranslation("cms.library.versions.title", document.title()));
        setWidth("44rem");
        setMaxWidth("100%");
        UUID id = document.id();
        revisions.setAllRowsVisible(true);
        revisions
                .addColumn(RevisionRow::revision)
                .setHeader(getTranslation("cms.library.column.revision"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        revisions
                .addColumn(row -> Format.dateTime(row.changedAt()))
                .setHeader(getTranslation("cms.library.versions.when"))
                .setAutoWidth(true);
        revisions.addColumn(RevisionRow::changedBy).setHeader(getTranslation("cms.library.versions.who"));
        revisions
                .addComponentColumn(row -> {
                    Optional<StoredFile> file = library.fileAtRevision(id, row.revision(), language);
                    if (file.isEmpty()) {
                        return new Span(getTranslation("cms.library.versions.no-file"));
                    }
                    int revision = row.revision();
                    return new DownloadLink(
                            file.get().name(),
                            file.get().name(),
                            file.get().contentType(),
                            out -> library.downloadRevision(id, revision, language, out));
                })
                .setHeader(getTranslation("cms.library.column.file"))
                .setFlexGrow(2);
        revisions.setItems(content.revisions(id));
        add(revisions);
        getFooter().add(new Button(getTranslation("cms.library.close"), click -> close()));
    }
}
