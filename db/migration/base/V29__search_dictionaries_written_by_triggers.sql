-- Issue 12, item 2: the dictionaries of name words behind the typo-tolerant searches are derived data,
-- filled from the names of accounts (account_search_word) and articles (search_word) by statement
-- triggers. Those triggers now run as the owner (SECURITY DEFINER, fixed search path; the R__ search
-- files), so the staff role only reads the dictionaries. account_search_word belongs to accounts and
-- search_word to base; both are the same kind of table, so they are closed together here.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON search_word, account_search_word
    FROM ${app_role}, ${staff_role}, ${client_role}, ${supplier_role}, ${professional_role}, ${operator_role};
