-- Personal data of members (docs/security.md). Every value is AES-256-GCM ciphertext under a data key; the
-- data keys are stored wrapped by the keystore's master key. One data key set per owner: the operator
-- ('operator') for coalition-level member data, and each merchant ('merchant:<id>') for the data it holds on
-- its own customers. Destroying a merchant's keys (offboarding) makes all its rows unreadable: crypto-shredding.
CREATE TABLE data_key (
    id           BIGINT       NOT NULL,
    owner_ref    VARCHAR(40)  NOT NULL,
    merchant_id  BIGINT       NULL,
    version      INT          NOT NULL,
    wrapped_key  VARCHAR(200) NULL,
    status       VARCHAR(16)  NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    destroyed_at DATETIME(3)  NULL,
    CONSTRAINT pk_data_key PRIMARY KEY (id),
    CONSTRAINT uk_data_key_version UNIQUE (owner_ref, version)
);

-- One copy of a member's personal data per owner. An operator-side enrolment writes the operator's copy and,
-- for each merchant the member agreed to hear from, that merchant's copy of the contact fields with consent;
-- a merchant-side enrolment writes only the merchant's copy. Erasing a member deletes every copy.
CREATE TABLE member_personal_data (
    owner_ref         VARCHAR(40)   NOT NULL,
    merchant_id       BIGINT        NULL,
    account_id        BIGINT        NOT NULL,
    data_key_id       BIGINT        NOT NULL,
    name_enc          VARCHAR(700)  NULL,
    email_enc         VARCHAR(700)  NULL,
    phone_enc         VARCHAR(200)  NULL,
    birth_date_enc    VARCHAR(200)  NULL,
    marketing_consent INT           NOT NULL,
    recorded_at       DATETIME(3)   NOT NULL,
    CONSTRAINT pk_member_personal_data PRIMARY KEY (owner_ref, account_id),
    CONSTRAINT fk_member_personal_data_account FOREIGN KEY (account_id) REFERENCES member_account (id),
    CONSTRAINT fk_member_personal_data_key FOREIGN KEY (data_key_id) REFERENCES data_key (id)
);
CREATE INDEX ix_member_personal_data_merchant ON member_personal_data (merchant_id, account_id);
CREATE INDEX ix_member_personal_data_account ON member_personal_data (account_id);

-- When a member's personal data was erased; the account, its cards (tokens) and its ledger stay, pseudonymous.
ALTER TABLE member_account ADD COLUMN erased_at DATETIME(3) NULL;
