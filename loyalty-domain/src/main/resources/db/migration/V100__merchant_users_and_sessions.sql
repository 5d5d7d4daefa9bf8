-- The merchant portal (docs/portal.md): named people of a merchant who sign in with a password, and their browser
-- sessions. Both tables are tenant-owned: merchant_id NOT NULL with no default, keys and indexes leading with it.

-- A merchant user: a person (not a script's credential), created by the operator. The password is stored only as an
-- Argon2id PHC string; the optional TOTP secret (RFC 6238) as Base32.
CREATE TABLE merchant_user (
    id             BIGINT       NOT NULL,
    merchant_id    BIGINT       NOT NULL,
    username       VARCHAR(32)  NOT NULL,
    display_name   VARCHAR(200) NOT NULL,
    password_hash  VARCHAR(200) NOT NULL,
    totp_secret    VARCHAR(64)  NULL,
    status         VARCHAR(16)  NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    CONSTRAINT pk_merchant_user PRIMARY KEY (id),
    CONSTRAINT uk_merchant_user_name UNIQUE (merchant_id, username),
    CONSTRAINT fk_merchant_user_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);

-- A signed-in browser: the cookie carries the merchant id and a random token; only the token's SHA-256 is stored.
-- A session ends when it is idle too long, when it reaches its absolute expiry, or at sign-out (row deleted).
CREATE TABLE merchant_user_session (
    id             BIGINT       NOT NULL,
    merchant_id    BIGINT       NOT NULL,
    token_hash     VARCHAR(64)  NOT NULL,
    user_id        BIGINT       NOT NULL,
    csrf_token     VARCHAR(64)  NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    last_seen_at   DATETIME(3)  NOT NULL,
    expires_at     DATETIME(3)  NOT NULL,
    CONSTRAINT pk_merchant_user_session PRIMARY KEY (id),
    CONSTRAINT uk_merchant_user_session_token UNIQUE (merchant_id, token_hash),
    CONSTRAINT fk_merchant_user_session_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT fk_merchant_user_session_user FOREIGN KEY (user_id) REFERENCES merchant_user (id)
);
CREATE INDEX ix_merchant_user_session_user ON merchant_user_session (merchant_id, user_id);
