-- Production: work centres and the people who perform service work (employees and professionals,
-- each with an hourly rate), bills of materials with versions, the standard cost their roll-up
-- writes, production orders (with child orders for sub-assemblies), their materials, their service
-- tasks with time records, and what was consumed, produced and scrapped on them.
--
-- Articles, warehouses and accounts are referred to by id (foreign keys keep them inside the tenant);
-- stock moves only through the articles module's API, each movement naming its order
-- (source_type 'production-order', source_ref the order's number).
--
-- Shaped for the professional portal (issue 19): every task and time record names the professional
-- account who performs it (professional_id), so that portal only adds grants and policies
-- "TO professional_role USING (professional_id = nexo_party_id())". Until then portal roles have no
-- grant on any of these tables.

CREATE TABLE production_work_centre (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    code                text           NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,19}$'),
    name                text           NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 120),
    -- The cost of one hour of the centre (machines, energy), added to an order's service cost.
    hourly_rate         numeric(12, 2) NOT NULL DEFAULT 0 CHECK (hourly_rate >= 0),
    active              boolean        NOT NULL DEFAULT true,
    created_at          timestamptz    NOT NULL DEFAULT now(),
    updated_at          timestamptz    NOT NULL DEFAULT now(),
    version             bigint         NOT NULL DEFAULT 0,
    CONSTRAINT production_work_centre_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT production_work_centre_code_uk UNIQUE (tenant_id, code)
);

-- Who performs service work: an employee (a user of the tenant) or a professional (an account with
-- the professional role), at an hourly rate that costs its time.
CREATE TABLE production_worker (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    kind                text           NOT NULL CHECK (kind IN ('EMPLOYEE', 'PROFESSIONAL')),
    user_id             uuid,
    professional_id     uuid,
    name                text           NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 200),
    hourly_rate         numeric(12, 2) NOT NULL CHECK (hourly_rate >= 0),
    work_centre_id      uuid,
    active              boolean        NOT NULL DEFAULT true,
    created_at          timestamptz    NOT NULL DEFAULT now(),
    updated_at          timestamptz    NOT NULL DEFAULT now(),
    version             bigint         NOT NULL DEFAULT 0,
    CONSTRAINT production_worker_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT production_worker_user_uk UNIQUE (tenant_id, user_id),
    CONSTRAINT production_worker_professional_uk UNIQUE (tenant_id, professional_id),
    CONSTRAINT production_worker_professional_fk FOREIGN KEY (tenant_id, professional_id) REFERENCES account (tenant_id, id),
    CONSTRAINT production_worker_centre_fk FOREIGN KEY (tenant_id, work_centre_id) REFERENCES production_work_centre (tenant_id, id),
    CONSTRAINT production_worker_is_one CHECK (
        (kind = 'EMPLOYEE' AND user_id IS NOT NULL AND professional_id IS NULL)
        OR (kind = 'PROFESSIONAL' AND professional_id IS NOT NULL AND user_id IS NULL))
);

-- A bill of materials: one version (revision) of how an article is made, effective from valid_from
-- to valid_to (open when null). Only ACTIVE versions are exploded, released and costed; the service
-- keeps the active versions of one article from overlapping in time.
CREATE TABLE production_bom (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    article_id          uuid           NOT NULL,
    revision            integer        NOT NULL CHECK (revision > 0),
    status              text           NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    valid_from          date           NOT NULL,
    valid_to            date,
    -- Where the article is made by default (an order may choose another).
    work_centre_id      uuid,
    notes               text,
    created_by          uuid           DEFAULT nexo_user_id(),
    created_at          timestamptz    NOT NULL DEFAULT now(),
    updated_at          timestamptz    NOT NULL DEFAULT now(),
    version             bigint         NOT NULL DEFAULT 0,
    CONSTRAINT production_bom_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT production_bom_revision_uk UNIQUE (tenant_id, article_id, revision),
    CONSTRAINT production_bom_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id),
    CONSTRAINT production_bom_centre_fk FOREIGN KEY (tenant_id, work_centre_id) REFERENCES production_work_centre (tenant_id, id),
    CONSTRAINT production_bom_dates CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX production_bom_article_ix ON production_bom (tenant_id, article_id, valid_from) WHERE status = 'ACTIVE';

-- A line of a bill: a MATERIAL (an input, or a sub-assembly when its article has a bill of its own)
-- in quantity per one unit of the produced article, plus a scrap percentage that the explosion adds
-- (required = quantity * 100 / (100 - scrap_percent)); or a SERVICE (a service article) in hours per
-- unit, performed by default by worker_id.
CREATE TABLE production_bom_line (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    bom_id              uuid           NOT NULL,
    position            integer        NOT NULL CHECK (position > 0),
    line_kind           text           NOT NULL CHECK (line_kind IN ('MATERIAL', 'SERVICE')),
    article_id          uuid           NOT NULL,
    quantity            numeric(14, 4) NOT NULL CHECK (quantity > 0),
    scrap_percent       numeric(5, 2)  NOT NULL DEFAULT 0 CHECK (scrap_percent >= 0 AND scrap_percent < 100),
    worker_id           uuid,
    notes               text,
    version             bigint         NOT NULL DEFAULT 0,
    CONSTRAINT production_bom_line_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT production_bom_line_position_uk UNIQUE (tenant_id, bom_id, position),
    CONSTRAINT production_bom_line_bom_fk FOREIGN KEY (tenant_id, bom_id) REFERENCES production_bom (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT production_bom_line_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id),
    CONSTRAINT production_bom_line_worker_fk FOREIGN KEY (tenant_id, worker_id) REFERENCES production_worker (tenant_id, id),
    CONSTRAINT production_bom_line_service_worker CHECK (line_kind = 'SERVICE' OR worker_id IS NULL),
    CONSTRAINT production_bom_line_service_scrap CHECK (line_kind = 'MATERIAL' OR scrap_percent = 0)
);
-- Where-used and the roll-up go from a component to the bills that use it.
CREATE INDEX production_bom_line_article_ix ON production_bom_line (tenant_id, article_id);

-- The standard cost of one unit of a produced article, as the last roll-up computed it from its
-- active bill at that date: materials (inputs at their cost, sub-assemblies at their own standard
-- cost, scrap included) and services (hours at the worker's rate, else the service article's cost).
-- level is the article's depth below the top (its low-level code), used to roll up bottom-up.
CREATE TABLE production_standard_cost (
    tenant_id           uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    article_id          uuid           NOT NULL,
    bom_id              uuid           NOT NULL,
    material_cost       numeric(18, 6) NOT NULL,
    service_cost        numeric(18, 6) NOT NULL,
    unit_cost           numeric(18, 6) NOT NULL,
    level               integer        NOT NULL DEFAULT 0,
    computed_at         timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, article_id),
    CONSTRAINT production_standard_cost_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id),
    CONSTRAINT production_standard_cost_bom_fk FOREIGN KEY (tenant_id, bom_id) REFERENCES production_bom (tenant_id, id) ON DELETE CASCADE
);

-- A production order: make quantity of an article by its bill, into a warehouse, by the due date.
-- DRAFT -> RELEASED (inputs reserved, child orders made for missing sub-assemblies) -> IN_PROGRESS
-- (first consumption, output or time) -> COMPLETED (all output recorded or finished early) -> CLOSED
-- (costs final, actual against standard); DRAFT or RELEASED -> CANCELLED (reservations released).
CREATE TABLE production_order (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    series              text,
    number_year         integer,
    number              text,
    status              text           NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'RELEASED', 'IN_PROGRESS',
                                           'COMPLETED', 'CLOSED', 'CANCELLED')),
    article_id          uuid           NOT NULL,
    bom_id              uuid           NOT NULL,
    quantity            numeric(14, 4) NOT NULL CHECK (quantity > 0),
    produced_quantity   numeric(14, 4) NOT NULL DEFAULT 0 CHECK (produced_quantity >= 0),
    scrapped_quantity   numeric(14, 4) NOT NULL DEFAULT 0 CHECK (scrapped_quantity >= 0),
    due_date            date           NOT NULL,
    warehouse_id        uuid           NOT NULL,
    work_centre_id      uuid,
    -- The order whose missing sub-assembly this child order makes (and that material line).
    parent_id           uuid,
    parent_material_id  uuid,
    -- The standard cost of one unit, taken from the roll-up when the order is released.
    standard_unit_cost  numeric(18, 6),
    standard_material_cost numeric(18, 6),
    standard_service_cost  numeric(18, 6),
    -- What was actually spent: consumed materials at their cost, time at its rates.
    actual_material_cost numeric(18, 4) NOT NULL DEFAULT 0,
    actual_service_cost  numeric(18, 4) NOT NULL DEFAULT 0,
    notes               text,
    released_at         timestamptz,
    released_by         uuid,
    started_at          timestamptz,
    completed_at        timestamptz,
    closed_at           timestamptz,
    closed_by           uuid,
    cancel_reason       text,
    cancelled_at        timestamptz,
    created_by          uuid           DEFAULT nexo_user_id(),
    created_at          timestamptz    NOT NULL DEFAULT now(),
    updated_at          timestamptz    NOT NULL DEFAULT now(),
    version             bigint         NOT NULL DEFAULT 0,
    CONSTRAINT production_order_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT production_order_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id),
    CONSTRAINT production_order_bom_fk FOREIGN KEY (tenant_id, bom_id) REFERENCES production_bom (tenant_id, id),
    CONSTRAINT production_order_warehouse_fk FOREIGN KEY (tenant_id, warehouse_id) REFERENCES warehouse (tenant_id, id),
    CONSTRAINT production_order_centre_fk FOREIGN KEY (tenant_id, work_centre_id) REFERENCES production_work_centre (tenant_id, id),
    CONSTRAINT production_order_parent_fk FOREIGN KEY (tenant_id, parent_id) REFERENCES production_order (tenant_id, id),
    CONSTRAINT production_order_numbered CHECK ((number IS NULL) = (series IS NULL) AND (number IS NULL) = (number_year IS NULL)),
    CONSTRAINT production_order_draft_unnumbered CHECK (status <> 'DRAFT' OR number IS NULL),
    CONSTRAINT production_order_released_numbered CHECK (status IN ('DRAFT', 'CANCELLED') OR number IS NOT NULL),
    CONSTRAINT production_order_cancel_reason CHECK (status <> 'CANCELLED' OR btrim(coalesce(cancel_reason, '')) <> '')
);
CREATE UNIQUE INDEX production_order_number_uk ON production_order (tenant_id, number) WHERE number IS NOT NULL;
CREATE INDEX production_order_status_due_ix ON production_order (tenant_id, status, due_date);
CREATE INDEX production_order_parent_ix ON production_order (tenant_id, parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX production_order_article_ix ON production_order (tenant_id, article_id);

-- What an order needs: one line per material line of its bill (or added by hand), with the quantity
-- required for the whole order (scrap included), what is reserved for it now, what was consumed,
-- and the child order that makes a missing sub-assembly.
CREATE TABLE production_order_material (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    order_id            uuid           NOT NULL,
    position            integer        NOT NULL CHECK (position > 0),
    bom_line_id         uuid,
    article_id          uuid           NOT NULL,
    required_quantity   numeric(14, 4) NOT NULL CHECK (required_quantity >= 0),
    reserved_quantity   numeric(14, 4) NOT NULL DEFAULT 0 CHECK (reserved_quantity >= 0),
    consumed_quantity   numeric(14, 4) NOT NULL DEFAULT 0 CHECK (consumed_quantity >= 0),
    -- The open reservation of the articles module holding reserved_quantity (null when none).
    reservation_id      uuid,
    child_order_id      uuid,
    -- Standard cost of one unit when the order was released; actual cost of what was consumed.
    unit_cost           numeric(18, 6) NOT NULL DEFAULT 0,
    actual_cost         numeric(18, 4) NOT NULL DEFAULT 0,
    version             bigint         NOT NULL DEFAULT 0,
    CONSTRAINT production_order_material_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT production_order_material_position_uk UNIQUE (tenant_id, order_id, position),
    CONSTRAINT production_order_material_order_fk FOREIGN KEY (tenant_id, order_id) REFERENCES production_order (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT production_order_material_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id),
    CONSTRAINT production_order_material_child_fk FOREIGN KEY (tenant_id, child_order_id) REFERENCES production_order (tenant_id, id),
    CONSTRAINT production_order_material_reservation CHECK ((reservation_id IS NULL) = (reserved_quantity = 0))
);
-- The shortage list reads the materials of open orders by article.
CREATE INDEX production_order_material_article_ix ON production_order_material (tenant_id, article_id);
ALTER TABLE production_order
    ADD CONSTRAINT production_order_parent_material_fk FOREIGN KEY (tenant_id, parent_material_id)
        REFERENCES production_order_material (tenant_id, id);

-- A service of an order (from a SERVICE line of its bill, or added): planned hours, who performs it
-- (professional_id copied from a professional worker: what the professional portal filters on), its
-- state, and the hours and cost its time records add up to.
CREATE TABLE production_order_task (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    order_id            uuid           NOT NULL,
    position            integer        NOT NULL CHECK (position > 0),
    bom_line_id         uuid,
    article_id          uuid           NOT NULL,
    planned_hours       numeric(10, 2) NOT NULL CHECK (planned_hours >= 0),
    worker_id           uuid,
    professional_id     uuid,
    status              text           NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACCEPTED', 'IN_PROGRESS', 'DONE')),
    -- The rate of an hour when the order was released (the worker's, else the service article's cost).
    standard_rate       numeric(12, 2) NOT NULL DEFAULT 0,
    actual_hours        numeric(10, 2) NOT NULL DEFAULT 0 CHECK (actual_hours >= 0),
    actual_cost         numeric(14, 2) NOT NULL DEFAULT 0,
    done_at             timestamptz,
    version             bigint         NOT NULL DEFAULT 0,
    CONSTRAINT production_order_task_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT production_order_task_position_uk UNIQUE (tenant_id, order_id, position),
    CONSTRAINT production_order_task_order_fk FOREIGN KEY (tenant_id, order_id) REFERENCES production_order (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT production_order_task_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id),
    CONSTRAINT production_order_task_worker_fk FOREIGN KEY (tenant_id, worker_id) REFERENCES production_worker (tenant_id, id),
    CONSTRAINT production_order_task_professional_fk FOREIGN KEY (tenant_id, professional_id) REFERENCES account (tenant_id, id),
    CONSTRAINT production_order_task_professional_worker CHECK (professional_id IS NULL OR worker_id IS NOT NULL)
);
CREATE INDEX production_order_task_worker_ix ON production_order_task (tenant_id, worker_id, status);
CREATE INDEX production_order_task_professional_ix ON production_order_task (tenant_id, professional_id) WHERE professional_id IS NOT NULL;

-- Time spent on a task: started and stopped (hours null while running), or hours typed; costed at
-- the worker's rate when recorded. A worker runs at most one clock at a time.
CREATE TABLE production_time_entry (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    task_id             uuid           NOT NULL,
    order_id            uuid           NOT NULL,
    worker_id           uuid           NOT NULL,
    professional_id     uuid,
    work_date           date           NOT NULL,
    started_at          timestamptz,
    ended_at            timestamptz,
    hours               numeric(8, 2)  CHECK (hours > 0 AND hours <= 24),
    hourly_rate         numeric(12, 2) NOT NULL CHECK (hourly_rate >= 0),
    cost                numeric(14, 2),
    note                text,
    created_by          uuid           DEFAULT nexo_user_id(),
    created_at          timestamptz    NOT NULL DEFAULT now(),
    version             bigint         NOT NULL DEFAULT 0,
    CONSTRAINT production_time_entry_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT production_time_entry_task_fk FOREIGN KEY (tenant_id, task_id) REFERENCES production_order_task (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT production_time_entry_order_fk FOREIGN KEY (tenant_id, order_id) REFERENCES production_order (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT production_time_entry_worker_fk FOREIGN KEY (tenant_id, worker_id) REFERENCES production_worker (tenant_id, id),
    CONSTRAINT production_time_entry_professional_fk FOREIGN KEY (tenant_id, professional_id) REFERENCES account (tenant_id, id),
    CONSTRAINT production_time_entry_clock CHECK (ended_at IS NULL OR (started_at IS NOT NULL AND ended_at >= started_at)),
    CONSTRAINT production_time_entry_costed CHECK ((hours IS NULL) = (cost IS NULL)),
    CONSTRAINT production_time_entry_running CHECK (hours IS NOT NULL OR (started_at IS NOT NULL AND ended_at IS NULL))
);
CREATE UNIQUE INDEX production_time_entry_one_clock_uk ON production_time_entry (tenant_id, worker_id) WHERE hours IS NULL;
CREATE INDEX production_time_entry_task_ix ON production_time_entry (tenant_id, task_id);
CREATE INDEX production_time_entry_worker_ix ON production_time_entry (tenant_id, worker_id, work_date);

-- What happened on an order: a CONSUMPTION of a material, an OUTPUT of the produced article into
-- stock, or a SCRAP (of the article or of a material) with its reason; each names the stock movement
-- it wrote (a scrapped output writes none). Facts: written once, never changed.
CREATE TABLE production_order_entry (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid           NOT NULL DEFAULT nexo_tenant_id() REFERENCES tenant (id),
    order_id            uuid           NOT NULL,
    kind                text           NOT NULL CHECK (kind IN ('CONSUMPTION', 'OUTPUT', 'SCRAP')),
    article_id          uuid           NOT NULL,
    material_id         uuid,
    quantity            numeric(14, 4) NOT NULL CHECK (quantity > 0),
    unit_cost           numeric(18, 6),
    reason              text,
    movement_id         uuid,
    recorded_by         uuid           DEFAULT nexo_user_id(),
    recorded_at         timestamptz    NOT NULL DEFAULT now(),
    CONSTRAINT production_order_entry_tenant_uk UNIQUE (tenant_id, id),
    CONSTRAINT production_order_entry_order_fk FOREIGN KEY (tenant_id, order_id) REFERENCES production_order (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT production_order_entry_article_fk FOREIGN KEY (tenant_id, article_id) REFERENCES article (tenant_id, id),
    CONSTRAINT production_order_entry_material_fk FOREIGN KEY (tenant_id, material_id) REFERENCES production_order_material (tenant_id, id),
    CONSTRAINT production_order_entry_scrap_reason CHECK (kind <> 'SCRAP' OR btrim(coalesce(reason, '')) <> '')
);
CREATE INDEX production_order_entry_order_ix ON production_order_entry (tenant_id, order_id, recorded_at);

ALTER TABLE production_work_centre ENABLE ROW LEVEL SECURITY;
ALTER TABLE production_work_centre FORCE ROW LEVEL SECURITY;
ALTER TABLE production_worker ENABLE ROW LEVEL SECURITY;
ALTER TABLE production_worker FORCE ROW LEVEL SECURITY;
ALTER TABLE production_bom ENABLE ROW LEVEL SECURITY;
ALTER TABLE production_bom FORCE ROW LEVEL SECURITY;
ALTER TABLE production_bom_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE production_bom_line FORCE ROW LEVEL SECURITY;
ALTER TABLE production_standard_cost ENABLE ROW LEVEL SECURITY;
ALTER TABLE production_standard_cost FORCE ROW LEVEL SECURITY;
ALTER TABLE production_order ENABLE ROW LEVEL SECURITY;
ALTER TABLE production_order FORCE ROW LEVEL SECURITY;
ALTER TABLE production_order_material ENABLE ROW LEVEL SECURITY;
ALTER TABLE production_order_material FORCE ROW LEVEL SECURITY;
ALTER TABLE production_order_task ENABLE ROW LEVEL SECURITY;
ALTER TABLE production_order_task FORCE ROW LEVEL SECURITY;
ALTER TABLE production_time_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE production_time_entry FORCE ROW LEVEL SECURITY;
ALTER TABLE production_order_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE production_order_entry FORCE ROW LEVEL SECURITY;

CREATE POLICY production_work_centre_staff ON production_work_centre FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY production_worker_staff ON production_worker FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY production_bom_staff ON production_bom FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY production_bom_line_staff ON production_bom_line FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY production_standard_cost_staff ON production_standard_cost FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY production_order_staff ON production_order FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY production_order_material_staff ON production_order_material FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY production_order_task_staff ON production_order_task FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY production_time_entry_staff ON production_time_entry FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());
CREATE POLICY production_order_entry_staff ON production_order_entry FOR ALL TO ${staff_role}
    USING (tenant_id = nexo_tenant_id()) WITH CHECK (tenant_id = nexo_tenant_id());

GRANT SELECT, INSERT, UPDATE, DELETE ON production_work_centre, production_worker, production_bom,
    production_bom_line, production_standard_cost, production_order, production_order_material,
    production_order_task, production_time_entry TO ${staff_role};
-- What was consumed, produced or scrapped is a fact: recorded, never edited.
GRANT SELECT, INSERT ON production_order_entry TO ${staff_role};
-- Client, supplier and professional portal roles: nothing yet (issue 19 adds the professional's
-- grants and policies on its own tasks and time records).

SELECT nexo_track_history('production_work_centre', 'id', ARRAY['updated_at', 'version']);
SELECT nexo_track_history('production_worker', 'id', ARRAY['updated_at', 'version']);
SELECT nexo_track_history('production_bom', 'id', ARRAY['updated_at', 'version']);
SELECT nexo_track_history('production_bom_line', 'bom_id', ARRAY['version']);
SELECT nexo_track_history('production_order', 'id', ARRAY['updated_at', 'version']);
SELECT nexo_track_history('production_order_task', 'order_id', ARRAY['version']);
