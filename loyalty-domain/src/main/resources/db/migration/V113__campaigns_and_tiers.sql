-- Campaigns and tiers (issue 15, docs/rewards.md "Campaigns", "Tiers").
-- A merchant's campaign gives extra points for a period [starts_at, ends_at) (UTC), optionally only at one store, for one
-- category or one SKU (matched on the line items): a multiplier (multiplier_percent, 101..1000: 200 = double points) or a
-- bonus (bonus_points once per sale). Tenant-owned. Campaigns are only added: a change is a new campaign.
CREATE TABLE campaign (
    id                  BIGINT      NOT NULL,
    merchant_id         BIGINT      NOT NULL,
    code                VARCHAR(32) NOT NULL,
    multiplier_percent  BIGINT      NULL,
    bonus_points        BIGINT      NULL,
    starts_at           DATETIME(3) NOT NULL,
    ends_at             DATETIME(3) NOT NULL,
    store_id            BIGINT      NULL,
    category            VARCHAR(64) NULL,
    sku                 VARCHAR(64) NULL,
    created_at          DATETIME(3) NOT NULL,
    CONSTRAINT pk_campaign PRIMARY KEY (id),
    CONSTRAINT uk_campaign_code UNIQUE (merchant_id, code),
    CONSTRAINT fk_campaign_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);

-- The programme's tiers: a member whose spend across the coalition over the trailing 12 months (in the tier's currency)
-- reaches min_spend_minor is in the highest such tier, and earns multiplier_percent of the base points. Coalition data.
CREATE TABLE tier (
    code                VARCHAR(32) NOT NULL,
    name                VARCHAR(80) NOT NULL,
    currency            CHAR(3)     NOT NULL,
    min_spend_minor     BIGINT      NOT NULL,
    multiplier_percent  BIGINT      NOT NULL,
    created_at          DATETIME(3) NOT NULL,
    CONSTRAINT pk_tier PRIMARY KEY (code)
);

-- Each account's tier as the recompute job (tiers-recompute) last found it; no row = no tier. Coalition data.
CREATE TABLE account_tier (
    account_id     BIGINT      NOT NULL,
    tier_code      VARCHAR(32) NOT NULL,
    spend_minor    BIGINT      NOT NULL,
    computed_at    DATETIME(3) NOT NULL,
    CONSTRAINT pk_account_tier PRIMARY KEY (account_id)
);
