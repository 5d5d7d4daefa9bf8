-- Every transaction a terminal presented, with the answer it got (the idempotency record), and the
-- append-only points ledger. A purchase row is tenant-owned; the ledger is the operator's.

CREATE TABLE purchase (
    id               BIGINT      NOT NULL,
    merchant_id      BIGINT      NOT NULL,
    store_id         BIGINT      NOT NULL,
    terminal_id      BIGINT      NOT NULL,
    txn_ref          VARCHAR(64) NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    channel          VARCHAR(16) NOT NULL,
    card_id          BIGINT      NULL,
    account_id       BIGINT      NULL,
    last4            CHAR(4)     NOT NULL,
    amount_minor     BIGINT      NOT NULL,
    currency         CHAR(3)     NOT NULL,
    occurred_at      DATETIME(3) NOT NULL,
    occurred_offset  INT         NOT NULL,
    recorded_at      DATETIME(3) NOT NULL,
    result           VARCHAR(32) NOT NULL,
    points           BIGINT      NOT NULL,
    balance_after    BIGINT      NOT NULL,
    original_id      BIGINT      NULL,
    points_reversed  BIGINT      NOT NULL,
    amount_refunded  BIGINT      NOT NULL,
    voided           INT         NOT NULL,
    CONSTRAINT pk_purchase PRIMARY KEY (id),
    CONSTRAINT uk_purchase_key UNIQUE (merchant_id, terminal_id, txn_ref, kind),
    CONSTRAINT fk_purchase_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
CREATE INDEX ix_purchase_time ON purchase (merchant_id, occurred_at);
CREATE INDEX ix_purchase_account ON purchase (merchant_id, account_id, occurred_at);
CREATE INDEX ix_purchase_store_time ON purchase (merchant_id, store_id, occurred_at);

CREATE TABLE purchase_line (
    id            BIGINT      NOT NULL,
    merchant_id   BIGINT      NOT NULL,
    purchase_id   BIGINT      NOT NULL,
    sku           VARCHAR(64) NOT NULL,
    category      VARCHAR(64) NULL,
    quantity      INT         NOT NULL,
    amount_minor  BIGINT      NOT NULL,
    CONSTRAINT pk_purchase_line PRIMARY KEY (id)
);
CREATE INDEX ix_purchase_line_purchase ON purchase_line (merchant_id, purchase_id);

CREATE TABLE ledger_entry (
    id           BIGINT      NOT NULL,
    account_id   BIGINT      NOT NULL,
    merchant_id  BIGINT      NOT NULL,
    purchase_id  BIGINT      NOT NULL,
    entry_type   VARCHAR(16) NOT NULL,
    points       BIGINT      NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    CONSTRAINT pk_ledger_entry PRIMARY KEY (id)
);
CREATE INDEX ix_ledger_account ON ledger_entry (account_id);
CREATE INDEX ix_ledger_merchant_time ON ledger_entry (merchant_id, created_at);
