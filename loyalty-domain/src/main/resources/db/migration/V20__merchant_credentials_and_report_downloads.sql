-- Merchant access to reports (docs/reports.md). Both tables are tenant-owned: merchant_id NOT NULL with no
-- default, indexes leading with merchant_id.

-- A merchant's API credential for /merchant/v1/...: separate from terminal credentials (a till's secret never
-- opens reports, a report key never credits points). The secret is stored only as an Argon2id PHC string.
CREATE TABLE merchant_credential (
    id             BIGINT       NOT NULL,
    merchant_id    BIGINT       NOT NULL,
    credential_id  VARCHAR(40)  NOT NULL,
    secret_hash    VARCHAR(200) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    CONSTRAINT pk_merchant_credential PRIMARY KEY (id),
    CONSTRAINT uk_merchant_credential_id UNIQUE (credential_id),
    CONSTRAINT fk_merchant_credential_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
CREATE INDEX ix_merchant_credential_merchant ON merchant_credential (merchant_id, created_at);

-- The audit trail of report downloads: written when a download starts, completed when it ends.
CREATE TABLE report_download (
    id             BIGINT       NOT NULL,
    merchant_id    BIGINT       NOT NULL,
    credential_id  VARCHAR(40)  NOT NULL,
    report         VARCHAR(32)  NOT NULL,
    parameters     VARCHAR(500) NOT NULL,
    format         VARCHAR(8)   NOT NULL,
    outcome        VARCHAR(16)  NOT NULL,
    row_count      BIGINT       NOT NULL,
    started_at     DATETIME(3)  NOT NULL,
    finished_at    DATETIME(3)  NULL,
    CONSTRAINT pk_report_download PRIMARY KEY (id),
    CONSTRAINT fk_report_download_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
CREATE INDEX ix_report_download_merchant ON report_download (merchant_id, started_at);
