-- The operator console (docs/portal.md): named people of the operator who sign in with a password (and optionally a
-- TOTP code), and their browser sessions. Coalition data: the operator is no merchant.

-- An operator user: the password is stored only as an Argon2id PHC string; the optional TOTP secret as Base32.
CREATE TABLE operator_user (
    id             BIGINT       NOT NULL,
    username       VARCHAR(32)  NOT NULL,
    display_name   VARCHAR(200) NOT NULL,
    password_hash  VARCHAR(200) NOT NULL,
    totp_secret    VARCHAR(64)  NULL,
    status         VARCHAR(16)  NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    CONSTRAINT pk_operator_user PRIMARY KEY (id),
    CONSTRAINT uk_operator_user_name UNIQUE (username)
);

-- A signed-in operator's browser: only the SHA-256 of the cookie's token is stored. Same shape as member_session.
CREATE TABLE operator_session (
    token_hash     VARCHAR(64)  NOT NULL,
    owner_id       BIGINT       NOT NULL,
    csrf_token     VARCHAR(64)  NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    last_seen_at   DATETIME(3)  NOT NULL,
    expires_at     DATETIME(3)  NOT NULL,
    CONSTRAINT pk_operator_session PRIMARY KEY (token_hash),
    CONSTRAINT fk_operator_session_user FOREIGN KEY (owner_id) REFERENCES operator_user (id)
);
CREATE INDEX ix_operator_session_user ON operator_session (owner_id);

-- Members' sessions now end when idle too, like every portal session (one session store for all three): they need
-- the time of the last request. Sessions open at the upgrade end with it.
DELETE FROM member_session;
ALTER TABLE member_session ADD COLUMN last_seen_at DATETIME(3) NULL;
