-- A merchant's OpenPGP public key, to which its report downloads are encrypted (docs/security.md). At most one per
-- merchant; registered by the operator (merchant-pgp-key). Public data, stored as the armored text the merchant
-- gave, with its v4 fingerprint so operator and merchant can compare it. Tenant-owned: merchant_id is the key.
CREATE TABLE merchant_pgp_key (
    merchant_id  BIGINT       NOT NULL,
    fingerprint  CHAR(40)     NOT NULL,
    armored_key  TEXT         NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    CONSTRAINT pk_merchant_pgp_key PRIMARY KEY (merchant_id),
    CONSTRAINT fk_merchant_pgp_key_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
