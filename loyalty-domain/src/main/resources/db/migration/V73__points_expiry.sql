-- When points expire (issue 14, docs/expiry.md): one row for the programme; no row = points never expire.
-- MONTHS_AFTER_EARNING: a lot expires `months` after it was credited; END_OF_YEAR_AFTER_EARNING: at the end of the
-- year after the year it was credited. Expired points are ledger entries of type EXPIRE (merchant lots) or account_move
-- rows of type EXPIRE (points the operator moved in), so the balance still equals the sum of the ledger.
CREATE TABLE points_expiry_policy (
    id          INT         NOT NULL,
    rule        VARCHAR(32) NOT NULL,
    months      INT         NULL,
    updated_at  DATETIME(3) NOT NULL,
    CONSTRAINT pk_points_expiry_policy PRIMARY KEY (id)
);

-- The expiry job finds accounts with old credits from here (the ledger's own indexes lead with merchant or account).
CREATE INDEX ix_account_move_time ON account_move (created_at);
