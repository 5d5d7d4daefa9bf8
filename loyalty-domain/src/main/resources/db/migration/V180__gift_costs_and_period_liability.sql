-- Settlement of catalogue gifts and the operator's liability per closed period (issue 16, docs/settlement.md).

-- What one gift costs, in minor units of the programme's settlement currency. Rewards added before this had no cost.
ALTER TABLE reward ADD COLUMN cost_minor BIGINT NOT NULL DEFAULT 0;
-- The gift's cost when it was redeemed: a cancellation gives back exactly what the redemption booked, whatever the
-- reward costs by then.
ALTER TABLE reward_redemption ADD COLUMN cost_minor BIGINT NOT NULL DEFAULT 0;

-- A statement's gift lines: the operator's gifts handed out at the merchant's tills (net of cancellations; their
-- points, and their cost, which is reimbursed), and merchants' own gifts handed out there (their cost is not
-- reimbursed: the points are, at the merchant's redemption value).
ALTER TABLE settlement_statement ADD COLUMN operator_gifts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE settlement_statement ADD COLUMN operator_gift_points BIGINT NOT NULL DEFAULT 0;
ALTER TABLE settlement_statement ADD COLUMN operator_gift_cost_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE settlement_statement ADD COLUMN merchant_gifts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE settlement_statement ADD COLUMN merchant_gift_cost_minor BIGINT NOT NULL DEFAULT 0;

-- The operator's figures of a closed period, written once at its close (a rerun finds the row and writes nothing):
-- the coalition's expired and redeemed points up to the period's end (the basis of the breakage estimate), and the
-- gifts the operator mailed, sent in the period, with their cost (the operator's own expense, not a position).
CREATE TABLE settlement_operator_period (
    period_id            BIGINT      NOT NULL,
    expired_so_far       BIGINT      NOT NULL,
    redeemed_so_far      BIGINT      NOT NULL,
    mailed_gifts         BIGINT      NOT NULL,
    mailed_gift_cost_minor BIGINT    NOT NULL,
    currency             CHAR(3)     NOT NULL,
    recorded_at          DATETIME(3) NOT NULL,
    CONSTRAINT pk_settlement_operator_period PRIMARY KEY (period_id)
);

-- Outstanding points at the period's end by the merchant that issued them (issuer 0: points the operator moved in),
-- valued at the issuer's price then.
CREATE TABLE settlement_liability (
    period_id           BIGINT NOT NULL,
    issuer_id           BIGINT NOT NULL,
    outstanding_points  BIGINT NOT NULL,
    value_minor         BIGINT NOT NULL,
    CONSTRAINT pk_settlement_liability PRIMARY KEY (period_id, issuer_id)
);

-- Of those, what expires per month (YYYY-MM) unless redeemed first, and the breakage expected of it then.
CREATE TABLE settlement_liability_expiry (
    period_id          BIGINT  NOT NULL,
    issuer_id          BIGINT  NOT NULL,
    expiry_month       CHAR(7) NOT NULL,
    expiring_points    BIGINT  NOT NULL,
    expected_breakage  BIGINT  NOT NULL,
    CONSTRAINT pk_settlement_liability_expiry PRIMARY KEY (period_id, issuer_id, expiry_month)
);

-- Which period each mailed gift's cost was counted in: one period each, however often a close is rerun.
CREATE TABLE settlement_mailed_gift (
    redemption_id  BIGINT NOT NULL,
    period_id      BIGINT NOT NULL,
    cost_minor     BIGINT NOT NULL,
    CONSTRAINT pk_settlement_mailed_gift PRIMARY KEY (redemption_id)
);
