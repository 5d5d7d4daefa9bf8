-- Batch files (CSV end-of-day files, dropped POSLog files) the hub has finished, so that the same file
-- dropped again (same name, same SHA-256) is not processed twice. Tenant-owned: the merchant is the one
-- whose inbox folder the file was dropped in. A row is written only once a file is fully processed; a
-- file interrupted by a crash has no row and is processed again (its lines are idempotent downstream).
CREATE TABLE processed_batch_file (
    merchant_id   BIGINT       NOT NULL,
    channel       VARCHAR(16)  NOT NULL,
    file_name     VARCHAR(255) NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    processed_at  DATETIME(3)  NOT NULL,
    line_count    BIGINT       NOT NULL,
    CONSTRAINT pk_processed_batch_file PRIMARY KEY (merchant_id, channel, file_name, sha256),
    CONSTRAINT fk_processed_batch_file_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
