-- Loyalty Hub schema, part 1. Runs unchanged on MySQL 8, MariaDB 10.11+ and H2 (MySQL mode).
-- Tenant-owned tables carry merchant_id NOT NULL with no default; business keys are unique per merchant
-- and their indexes lead with merchant_id. Coalition tables (cards, accounts, ledger) belong to the operator.
-- Ids are assigned by the application (time-ordered 64-bit ids), so batches need no generated-key round trips.

CREATE TABLE merchant (
    id          BIGINT       NOT NULL,
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    CONSTRAINT pk_merchant PRIMARY KEY (id),
    CONSTRAINT uk_merchant_code UNIQUE (code)
);

CREATE TABLE earn_rule (
    id              BIGINT      NOT NULL,
    merchant_id     BIGINT      NOT NULL,
    currency        CHAR(3)     NOT NULL,
    points          BIGINT      NOT NULL,
    per_minor_units BIGINT      NOT NULL,
    CONSTRAINT pk_earn_rule PRIMARY KEY (id),
    CONSTRAINT uk_earn_rule_currency UNIQUE (merchant_id, currency),
    CONSTRAINT fk_earn_rule_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);

CREATE TABLE store (
    id          BIGINT       NOT NULL,
    merchant_id BIGINT       NOT NULL,
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    CONSTRAINT pk_store PRIMARY KEY (id),
    CONSTRAINT uk_store_code UNIQUE (merchant_id, code),
    CONSTRAINT fk_store_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);

CREATE TABLE terminal (
    id            BIGINT       NOT NULL,
    merchant_id   BIGINT       NOT NULL,
    store_id      BIGINT       NOT NULL,
    code          VARCHAR(32)  NOT NULL,
    credential_id VARCHAR(40)  NOT NULL,
    secret_hash   VARCHAR(128) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    CONSTRAINT pk_terminal PRIMARY KEY (id),
    CONSTRAINT uk_terminal_code UNIQUE (merchant_id, code),
    CONSTRAINT uk_terminal_credential UNIQUE (credential_id),
    CONSTRAINT fk_terminal_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT fk_terminal_store FOREIGN KEY (store_id) REFERENCES store (id)
);
CREATE INDEX ix_terminal_store ON terminal (merchant_id, store_id);

CREATE TABLE card_programme (
    id          BIGINT       NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    prefix      VARCHAR(12)  NOT NULL,
    pan_length  INT          NOT NULL,
    check_digit VARCHAR(8)   NOT NULL,
    CONSTRAINT pk_card_programme PRIMARY KEY (id),
    CONSTRAINT uk_card_programme_name UNIQUE (name)
);

-- Bounds of an issued range, as full card numbers of the programme's length compared as equal-length digit strings.
CREATE TABLE card_range (
    id            BIGINT      NOT NULL,
    programme_id  BIGINT      NOT NULL,
    first_number  VARCHAR(32) NOT NULL,
    last_number   VARCHAR(32) NOT NULL,
    issued_at     DATETIME(3) NOT NULL,
    CONSTRAINT pk_card_range PRIMARY KEY (id),
    CONSTRAINT fk_card_range_programme FOREIGN KEY (programme_id) REFERENCES card_programme (id)
);

CREATE TABLE member_account (
    id          BIGINT      NOT NULL,
    balance     BIGINT      NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    CONSTRAINT pk_member_account PRIMARY KEY (id)
);

CREATE TABLE card (
    id            BIGINT      NOT NULL,
    token         CHAR(64)    NOT NULL,
    key_version   INT         NOT NULL,
    last4         CHAR(4)     NOT NULL,
    account_id    BIGINT      NOT NULL,
    range_id      BIGINT      NOT NULL,
    status        VARCHAR(16) NOT NULL,
    activated_at  DATETIME(3) NOT NULL,
    CONSTRAINT pk_card PRIMARY KEY (id),
    CONSTRAINT uk_card_token UNIQUE (token),
    CONSTRAINT fk_card_account FOREIGN KEY (account_id) REFERENCES member_account (id),
    CONSTRAINT fk_card_range FOREIGN KEY (range_id) REFERENCES card_range (id)
);
CREATE INDEX ix_card_account ON card (account_id);
