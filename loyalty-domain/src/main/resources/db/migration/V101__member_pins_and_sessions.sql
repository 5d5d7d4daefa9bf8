-- The member page (docs/portal.md): a shopper signs in with a card number and a PIN the operator set for her account.
-- Both tables are coalition data (accounts are the operator's, not a merchant's).

-- The account's PIN, stored only as an Argon2id PHC string.
CREATE TABLE member_pin (
    account_id   BIGINT       NOT NULL,
    pin_hash     VARCHAR(200) NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    CONSTRAINT pk_member_pin PRIMARY KEY (account_id),
    CONSTRAINT fk_member_pin_account FOREIGN KEY (account_id) REFERENCES member_account (id)
);

-- A signed-in shopper's browser: only the SHA-256 of the cookie's token is stored; it ends at expires_at or sign-out.
CREATE TABLE member_session (
    token_hash   VARCHAR(64)  NOT NULL,
    account_id   BIGINT       NOT NULL,
    csrf_token   VARCHAR(64)  NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    expires_at   DATETIME(3)  NOT NULL,
    CONSTRAINT pk_member_session PRIMARY KEY (token_hash),
    CONSTRAINT fk_member_session_account FOREIGN KEY (account_id) REFERENCES member_account (id)
);
CREATE INDEX ix_member_session_account ON member_session (account_id);
