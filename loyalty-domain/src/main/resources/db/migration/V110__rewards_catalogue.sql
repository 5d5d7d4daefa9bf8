-- The rewards catalogue (issue 15, docs/rewards.md): gifts a member takes for points, at a participating till or
-- mailed by the operator. Coalition data, the operator's: a reward of the operator has no owner, a merchant's own
-- gift names its merchant as owner. The code is unique in the whole coalition, so a code of another merchant's gift
-- is recognised (and refused as not offered here) rather than unknown.
CREATE TABLE reward (
    id                 BIGINT       NOT NULL,
    code               VARCHAR(32)  NOT NULL,
    name               VARCHAR(120) NOT NULL,
    owner_merchant_id  BIGINT       NULL,
    price_points       BIGINT       NOT NULL,
    -- how many are left to hand out; NULL = unlimited. Taken by a conditional update (stock_left > 0), never read and
    -- written back, so two tills on two nodes cannot hand out the last one twice.
    stock_left         BIGINT       NULL,
    valid_from         DATE         NOT NULL,
    valid_until        DATE         NOT NULL,
    -- 1: offered at every merchant's tills; 0: at the owner's and those listed in reward_merchant
    all_merchants      INT          NOT NULL,
    created_at         DATETIME(3)  NOT NULL,
    CONSTRAINT pk_reward PRIMARY KEY (id),
    CONSTRAINT uk_reward_code UNIQUE (code)
);

-- Which merchants hand out a reward (besides its owner). Tenant-owned: a till asks only about its own merchant.
CREATE TABLE reward_merchant (
    merchant_id  BIGINT NOT NULL,
    reward_id    BIGINT NOT NULL,
    CONSTRAINT pk_reward_merchant PRIMARY KEY (merchant_id, reward_id),
    CONSTRAINT fk_reward_merchant_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT fk_reward_merchant_reward FOREIGN KEY (reward_id) REFERENCES reward (id)
);

-- Each redemption of a reward: RESERVED (mailed, not yet sent), FULFILLED (handed over at a till, or sent), or
-- CANCELLED (points given back, the stock too). merchant_id is the till's merchant, NULL for a gift the operator mails;
-- purchase_id the till's transaction (its void or reversal cancels the redemption).
CREATE TABLE reward_redemption (
    id            BIGINT      NOT NULL,
    reward_id     BIGINT      NOT NULL,
    account_id    BIGINT      NOT NULL,
    card_id       BIGINT      NULL,
    merchant_id   BIGINT      NULL,
    purchase_id   BIGINT      NULL,
    points        BIGINT      NOT NULL,
    status        VARCHAR(16) NOT NULL,
    channel       VARCHAR(8)  NOT NULL,
    actor         VARCHAR(64) NULL,
    created_at    DATETIME(3) NOT NULL,
    updated_at    DATETIME(3) NOT NULL,
    CONSTRAINT pk_reward_redemption PRIMARY KEY (id),
    CONSTRAINT fk_reward_redemption_reward FOREIGN KEY (reward_id) REFERENCES reward (id)
);
CREATE INDEX ix_reward_redemption_purchase ON reward_redemption (purchase_id);
CREATE INDEX ix_reward_redemption_merchant ON reward_redemption (merchant_id, created_at);
