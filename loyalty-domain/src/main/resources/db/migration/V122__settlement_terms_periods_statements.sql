-- Settlement between the coalition's merchants (issue 16, docs/settlement.md). Money is in minor units of the
-- programme's settlement currency.

-- The programme's money per point and its period length: one row. A merchant's own terms override the prices.
CREATE TABLE settlement_programme_terms (
    id                  INT         NOT NULL,
    currency            CHAR(3)     NOT NULL,
    issue_price_minor   BIGINT      NOT NULL,
    redeem_value_minor  BIGINT      NOT NULL,
    period_kind         VARCHAR(16) NOT NULL,
    updated_at          DATETIME(3) NOT NULL,
    CONSTRAINT pk_settlement_programme_terms PRIMARY KEY (id)
);

-- A merchant's prices (NULL: the programme's), how it pays for points (POST_PAID or PREPAID) and its prepaid points.
CREATE TABLE settlement_merchant_terms (
    merchant_id         BIGINT      NOT NULL,
    issue_price_minor   BIGINT      NULL,
    redeem_value_minor  BIGINT      NULL,
    billing             VARCHAR(16) NOT NULL,
    prepaid_points      BIGINT      NOT NULL,
    updated_at          DATETIME(3) NOT NULL,
    CONSTRAINT pk_settlement_merchant_terms PRIMARY KEY (merchant_id)
);

-- Prepaid points bought; billed on the statement of the period that was open when the merchant's close took them.
CREATE TABLE prepaid_topup (
    id            BIGINT      NOT NULL,
    merchant_id   BIGINT      NOT NULL,
    points        BIGINT      NOT NULL,
    amount_minor  BIGINT      NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    period_id     BIGINT      NULL,
    CONSTRAINT pk_prepaid_topup PRIMARY KEY (id)
);
CREATE INDEX ix_prepaid_topup_open ON prepaid_topup (merchant_id, period_id);

-- Periods, one OPEN (or CLOSING) at a time; ends_at NULL = the period kind's next boundary after starts_at.
CREATE TABLE settlement_period (
    id          BIGINT      NOT NULL,
    period_kind VARCHAR(16) NOT NULL,
    starts_at   DATETIME(3) NOT NULL,
    ends_at     DATETIME(3) NULL,
    status      VARCHAR(16) NOT NULL,
    closed_at   DATETIME(3) NULL,
    CONSTRAINT pk_settlement_period PRIMARY KEY (id)
);

-- One statement per merchant per closed period: the chain positions it covers (from_seq exclusive, to_seq inclusive),
-- the points by kind and the money. Written in one transaction with its two postings.
CREATE TABLE settlement_statement (
    period_id           BIGINT      NOT NULL,
    merchant_id         BIGINT      NOT NULL,
    from_seq            BIGINT      NOT NULL,
    to_seq              BIGINT      NOT NULL,
    points_issued       BIGINT      NOT NULL,
    points_reversed     BIGINT      NOT NULL,
    points_redeemed     BIGINT      NOT NULL,
    points_expired      BIGINT      NOT NULL,
    points_other        BIGINT      NOT NULL,
    billing             VARCHAR(16) NOT NULL,
    prepaid_drawn       BIGINT      NOT NULL,
    prepaid_shortfall   BIGINT      NOT NULL,
    prepaid_left        BIGINT      NOT NULL,
    topup_points        BIGINT      NOT NULL,
    topup_minor         BIGINT      NOT NULL,
    issue_price_minor   BIGINT      NOT NULL,
    redeem_value_minor  BIGINT      NOT NULL,
    owed_minor          BIGINT      NOT NULL,
    due_minor           BIGINT      NOT NULL,
    net_minor           BIGINT      NOT NULL,
    currency            CHAR(3)     NOT NULL,
    closed_at           DATETIME(3) NOT NULL,
    CONSTRAINT pk_settlement_statement PRIMARY KEY (merchant_id, period_id)
);

-- Double entry: every statement posts its net to the merchant and the opposite to the operator, so the positions of
-- a period (the merchants' and the operator's) sum to zero.
CREATE TABLE settlement_posting (
    id            BIGINT      NOT NULL,
    period_id     BIGINT      NOT NULL,
    party         VARCHAR(32) NOT NULL,
    amount_minor  BIGINT      NOT NULL,
    CONSTRAINT pk_settlement_posting PRIMARY KEY (id)
);
CREATE INDEX ix_settlement_posting_period ON settlement_posting (period_id, party);
