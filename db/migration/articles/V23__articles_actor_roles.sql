-- Actor isolation by database role (issue 11), part 5: the catalogue and the stock ledger. See V19.
-- Staff only: portal actors have no grant on any of these tables (a published catalogue for them
-- will come with grants and policies of its own).

DROP POLICY unit_of_measure_staff ON unit_of_measure;
DROP POLICY article_category_staff ON article_category;
DROP POLICY article_staff ON article;
DROP POLICY article_image_staff ON article_image;
DROP POLICY warehouse_staff ON warehouse;
DROP POLICY warehouse_location_staff ON warehouse_location;
DROP POLICY stock_movement_staff ON stock_movement;
DROP POLICY stock_balance_staff ON stock_balance;
DROP POLICY stock_reservation_staff ON stock_reservation;
DROP POLICY stock_count_staff ON stock_count;
DROP POLICY stock_count_line_staff ON stock_count_line;
DROP POLICY stock_level_staff ON stock_level;

REVOKE ALL ON unit_of_measure, article_category, article, article_image, warehouse, warehouse_location,
    stock_movement, stock_balance, stock_reservation, stock_count, stock_count_line, stock_level
    FROM ${app_role};

CREATE POLICY unit_of_measure_staff ON unit_of_measure FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY article_category_staff ON article_category FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY article_staff ON article FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY article_image_staff ON article_image FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY warehouse_staff ON warehouse FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY warehouse_location_staff ON warehouse_location FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
-- A movement is recorded under the user bound to the transaction, never in someone else's name.
CREATE POLICY stock_movement_staff ON stock_movement FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id() AND user_id IS NOT DISTINCT FROM nexo_user_id());
CREATE POLICY stock_balance_staff ON stock_balance FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY stock_reservation_staff ON stock_reservation FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY stock_count_staff ON stock_count FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY stock_count_line_staff ON stock_count_line FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY stock_level_staff ON stock_level FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id())
    WITH CHECK (tenant_id = nexo_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE
    ON unit_of_measure, article_category, article, article_image, warehouse, warehouse_location,
       stock_count, stock_count_line, stock_level
    TO ${staff_role};
-- The ledger is append-only for the application; balances are never deleted.
GRANT SELECT, INSERT ON stock_movement TO ${staff_role};
GRANT SELECT, INSERT, UPDATE ON stock_balance, stock_reservation TO ${staff_role};
