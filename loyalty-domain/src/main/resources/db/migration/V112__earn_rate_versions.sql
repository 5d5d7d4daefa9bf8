-- Earn rates that change over time (issue 15, docs/rewards.md "Earn rates over time"). A merchant's earn_rule is its base
-- rate; each version here holds from its effective_from (UTC) on, for transactions that happened from then (occurred_at),
-- so a late offline sale earns at the rate valid when it happened. Versions are only added, never changed or deleted,
-- and effective_from may not lie in the past: a change never alters points already credited. Tenant-owned.
CREATE TABLE earn_rate_version (
    id               BIGINT      NOT NULL,
    merchant_id      BIGINT      NOT NULL,
    currency         CHAR(3)     NOT NULL,
    points           BIGINT      NOT NULL,
    per_minor_units  BIGINT      NOT NULL,
    effective_from   DATETIME(3) NOT NULL,
    created_at       DATETIME(3) NOT NULL,
    CONSTRAINT pk_earn_rate_version PRIMARY KEY (id),
    CONSTRAINT uk_earn_rate_version UNIQUE (merchant_id, currency, effective_from),
    CONSTRAINT fk_earn_rate_version_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);

-- Which rule produced each credit of a sale: 'rate:base' (the merchant's earn_rule) or 'rate:v<id>' (a version above),
-- with the points it gave. Written by the engine in the same transaction as the ledger entry (same purchase_id).
CREATE TABLE earn_credit_rule (
    merchant_id   BIGINT      NOT NULL,
    purchase_id   BIGINT      NOT NULL,
    rule          VARCHAR(40) NOT NULL,
    points        BIGINT      NOT NULL,
    CONSTRAINT pk_earn_credit_rule PRIMARY KEY (merchant_id, purchase_id, rule)
);
