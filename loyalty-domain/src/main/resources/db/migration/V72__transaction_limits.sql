-- Limits that stop abuse (issue 14, docs/limits.md). One row for the whole programme (scope 'programme') and at most
-- one per merchant (scope 'merchant:<id>'); a transaction must pass both: the stricter value holds. NULL = no limit.
-- Coalition data, the operator's: the merchant column names whom a row is for, it is not a tenant's own row.
CREATE TABLE transaction_limit (
    id                            BIGINT      NOT NULL,
    scope                         VARCHAR(40) NOT NULL,
    merchant_id                   BIGINT      NULL,
    max_amount_minor              BIGINT      NULL,
    max_swipes_per_card_hour      BIGINT      NULL,
    max_redeemed_per_card_day     BIGINT      NULL,
    max_txns_per_terminal_minute  BIGINT      NULL,
    updated_at                    DATETIME(3) NOT NULL,
    CONSTRAINT pk_transaction_limit PRIMARY KEY (id),
    CONSTRAINT uk_transaction_limit_scope UNIQUE (scope)
);

-- Running counts in fixed UTC windows (the hour, the day, the minute): one row per counted thing, reset when its
-- window has passed. Keys: 'swipes:<card>:<merchant or *>', 'redeemed:<card>:<merchant or *>', 'terminal:<terminal>'.
CREATE TABLE limit_counter (
    counter_key   VARCHAR(80) NOT NULL,
    window_start  DATETIME(3) NOT NULL,
    counted       BIGINT      NOT NULL,
    CONSTRAINT pk_limit_counter PRIMARY KEY (counter_key)
);

-- Each transaction a limit declined, for the operator's fraud review (limit-refusals). Tenant-owned: the merchant is
-- the terminal's.
CREATE TABLE limit_refusal (
    id            BIGINT      NOT NULL,
    merchant_id   BIGINT      NOT NULL,
    terminal_id   BIGINT      NOT NULL,
    txn_ref       VARCHAR(64) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    card_id       BIGINT      NULL,
    last4         CHAR(4)     NOT NULL,
    amount_minor  BIGINT      NOT NULL,
    currency      CHAR(3)     NOT NULL,
    points        BIGINT      NOT NULL,
    result        VARCHAR(32) NOT NULL,
    limit_value   BIGINT      NOT NULL,
    refused_at    DATETIME(3) NOT NULL,
    CONSTRAINT pk_limit_refusal PRIMARY KEY (id),
    CONSTRAINT fk_limit_refusal_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
CREATE INDEX ix_limit_refusal_time ON limit_refusal (merchant_id, refused_at);
