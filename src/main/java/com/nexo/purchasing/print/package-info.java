/**
 * PDFs and e-mails of requests for quotation (one per invited supplier, in its language) and of
 * purchase orders (in the order's language), laid out by {@code base.pdf} and sent through
 * {@code base.mail}; each e-mail is recorded in {@code purchase_document_mail}.
 */
package com.nexo.purchasing.print;
