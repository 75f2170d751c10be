/**
 * The parts every document page and editor share, whichever module the document belongs to (sales,
 * purchasing): the line grid of an editor, the totals box, the timeline's wording of a document's
 * history, the related documents, the reason dialog and the PDF/e-mail buttons. A module says what
 * differs through small interfaces ({@link com.nexo.base.ui.documents.DocumentLineFields}, {@link
 * com.nexo.base.ui.documents.Refusals}, {@link com.nexo.base.ui.documents.DocumentOutput.Source},
 * {@link com.nexo.base.ui.documents.DocumentHistoryEntries.Vocabulary}).
 */
package com.nexo.base.ui.documents;
