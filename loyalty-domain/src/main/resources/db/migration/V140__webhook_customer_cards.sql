-- Loyverse and Lightspeed webhooks (docs/webhooks.md).
-- Their amounts name no currency: the connection carries the merchant's (null for Square and Shopify, whose amounts do).
ALTER TABLE webhook_connection ADD COLUMN currency CHAR(3) NULL;

-- A Loyverse receipt carries only its customer's id: the hub remembers, from the provider's customers.update events,
-- which loyalty card each provider customer carries, per merchant connection. The card as the edge read it: token
-- (under its card key version), last four and issued range, never the number. Tenant-owned: merchant_id NOT NULL with
-- no default, the key leading with merchant_id.
CREATE TABLE webhook_customer_card (
    merchant_id       BIGINT        NOT NULL,
    provider          VARCHAR(16)   NOT NULL,
    customer_ref      VARCHAR(64)   NOT NULL,
    card_token        CHAR(64)      NOT NULL,
    card_key_version  INT           NOT NULL,
    card_last4        CHAR(4)       NOT NULL,
    issued_range_id   BIGINT        NULL,
    updated_at        DATETIME(3)   NOT NULL,
    CONSTRAINT pk_webhook_customer_card PRIMARY KEY (merchant_id, provider, customer_ref),
    CONSTRAINT fk_webhook_customer_card_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
