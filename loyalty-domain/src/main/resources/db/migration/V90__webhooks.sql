-- Cloud POS webhooks (docs/webhooks.md). A merchant connects a provider's account (Square, Shopify): the hub keeps
-- the provider's signing secret sealed under the keystore's master key (AES-256-GCM, bound to merchant and provider;
-- the hub needs the secret itself to check an HMAC, so it is never merely hashed), the provider account the events
-- must come from, the notification URL the provider signs (Square), and the merchant's terminal the events are
-- credited as. Tenant-owned: merchant_id NOT NULL with no default, keys leading with merchant_id.
CREATE TABLE webhook_connection (
    merchant_id       BIGINT        NOT NULL,
    provider          VARCHAR(16)   NOT NULL,
    store_id          BIGINT        NOT NULL,
    terminal_id       BIGINT        NOT NULL,
    account_ref       VARCHAR(255)  NULL,
    notification_url  VARCHAR(500)  NULL,
    wrapped_secret    VARCHAR(400)  NOT NULL,
    created_at        DATETIME(3)   NOT NULL,
    CONSTRAINT pk_webhook_connection PRIMARY KEY (merchant_id, provider),
    CONSTRAINT fk_webhook_connection_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT fk_webhook_connection_terminal FOREIGN KEY (terminal_id) REFERENCES terminal (id)
);

-- Every webhook event the hub acknowledged, stored before the 2xx answer. The provider's event id is the
-- idempotency key (a resend finds its row and is answered again, credited once). What is kept is the canonical
-- transaction the event was read as, never the provider's body: a card number becomes token + last4 at the edge, and
-- contact data used to find a member is not kept at all. status: PENDING (stored, not yet answered by the engine:
-- credited again after a crash), CREDITED, DECLINED (the engine's result_code), NO_CARD, IGNORED (detail says why).
CREATE TABLE webhook_event (
    merchant_id       BIGINT        NOT NULL,
    provider          VARCHAR(16)   NOT NULL,
    event_id          VARCHAR(100)  NOT NULL,
    event_type        VARCHAR(60)   NOT NULL,
    received_at       DATETIME(3)   NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    detail            VARCHAR(300)  NULL,
    store_id          BIGINT        NULL,
    terminal_id       BIGINT        NULL,
    txn_type          VARCHAR(16)   NULL,
    txn_ref           VARCHAR(64)   NULL,
    original_txn_ref  VARCHAR(64)   NULL,
    amount            BIGINT        NULL,
    currency          CHAR(3)       NULL,
    occurred_at       VARCHAR(40)   NULL,
    card_token        CHAR(64)      NULL,
    card_key_version  INT           NULL,
    card_last4        CHAR(4)       NULL,
    issued_range_id   BIGINT        NULL,
    result_code       VARCHAR(40)   NULL,
    points            BIGINT        NULL,
    settled_at        DATETIME(3)   NULL,
    CONSTRAINT pk_webhook_event PRIMARY KEY (merchant_id, provider, event_id),
    CONSTRAINT fk_webhook_event_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
CREATE INDEX ix_webhook_event_status ON webhook_event (merchant_id, status, received_at);
CREATE INDEX ix_webhook_event_txn ON webhook_event (merchant_id, provider, txn_ref);
