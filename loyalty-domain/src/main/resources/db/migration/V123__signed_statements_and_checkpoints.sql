-- What each statement vouches for, signed with the hub's Ed25519 key at the close (docs/settlement.md): the hash of
-- the merchant's chain at the statement's last position, the Merkle root over the period's entries, and the one line
-- of text that was signed (signed_text), with its signature (base64).
ALTER TABLE settlement_statement ADD COLUMN chain_hash CHAR(64) NULL;
ALTER TABLE settlement_statement ADD COLUMN merkle_root CHAR(64) NULL;
ALTER TABLE settlement_statement ADD COLUMN signed_text VARCHAR(1000) NULL;
ALTER TABLE settlement_statement ADD COLUMN signature VARCHAR(128) NULL;

-- The period's checkpoint: one line per merchant (its chain's position and hash at the cut, its Merkle root), signed.
CREATE TABLE settlement_checkpoint (
    period_id    BIGINT      NOT NULL,
    signed_text  TEXT        NOT NULL,
    signature    VARCHAR(128) NOT NULL,
    signed_at    DATETIME(3) NOT NULL,
    CONSTRAINT pk_settlement_checkpoint PRIMARY KEY (period_id)
);
