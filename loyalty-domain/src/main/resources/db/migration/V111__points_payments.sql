-- Paying with points (issue 15, docs/rewards.md). What a point is worth, per currency, for the whole programme: `points`
-- points pay `minor_units` minor units (100 points = 100 = 1.00 EUR). Coalition data, the operator's. A change holds from
-- the next transaction; what earlier payments covered is kept with them (points_payment), so it never changes.
CREATE TABLE point_value (
    currency     CHAR(3)     NOT NULL,
    points       BIGINT      NOT NULL,
    minor_units  BIGINT      NOT NULL,
    updated_at   DATETIME(3) NOT NULL,
    CONSTRAINT pk_point_value PRIMARY KEY (currency)
);

-- Each approved payment with points at a till: the REDEEM that paid (purchase_id), the points it took and the money they
-- covered. Tenant-owned: the merchant is the till's. A void or reversal of the REDEEM gives the points back; this row
-- still says what was paid then.
CREATE TABLE points_payment (
    merchant_id    BIGINT      NOT NULL,
    purchase_id    BIGINT      NOT NULL,
    points         BIGINT      NOT NULL,
    covered_minor  BIGINT      NOT NULL,
    currency       CHAR(3)     NOT NULL,
    created_at     DATETIME(3) NOT NULL,
    CONSTRAINT pk_points_payment PRIMARY KEY (merchant_id, purchase_id),
    CONSTRAINT fk_points_payment_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
