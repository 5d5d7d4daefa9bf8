-- A copy of a transaction is a copy only when its content matches (docs/http-json.md, "Copies and conflicts"):
-- the digest of the canonical content (type, amount, currency, original, points redeemed; see ContentDigest) is
-- stored with the reference. Rows written before this column existed have none and are compared by card only.
ALTER TABLE purchase ADD COLUMN content_digest CHAR(32) NULL;

-- Messages refused because their reference was already used with other content: nothing of them was applied.
-- One row per refused message, kept for the operator (reference-conflicts) and the merchant's support.
-- Tenant-owned: the merchant is the terminal's.
CREATE TABLE reference_conflict (
    id                  BIGINT       NOT NULL,
    merchant_id         BIGINT       NOT NULL,
    terminal_id         BIGINT       NOT NULL,
    txn_ref             VARCHAR(64)  NOT NULL,
    kind                VARCHAR(16)  NOT NULL,
    channel             VARCHAR(16)  NOT NULL,
    first_purchase_id   BIGINT       NOT NULL,
    last4               CHAR(4)      NOT NULL,
    amount_minor        BIGINT       NOT NULL,
    currency            CHAR(3)      NOT NULL,
    content_digest      CHAR(32)     NOT NULL,
    seen_at             DATETIME(3)  NOT NULL,
    CONSTRAINT pk_reference_conflict PRIMARY KEY (id),
    CONSTRAINT fk_reference_conflict_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
CREATE INDEX ix_reference_conflict_seen ON reference_conflict (merchant_id, seen_at);
