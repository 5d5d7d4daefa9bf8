-- ISO 8583 MAC keys, one per terminal at most. A terminal with a row here must sign every ISO 8583
-- request with field 64. The key is stored wrapped (AES-256-GCM under the hub's key-encryption key,
-- bound to the terminal id), never in clear; check_value lets operators compare keys without seeing them.
-- Tenant-owned: merchant_id NOT NULL with no default, index leading with merchant_id.

CREATE TABLE terminal_mac_key (
    terminal_id  BIGINT       NOT NULL,
    merchant_id  BIGINT       NOT NULL,
    wrapped_key  VARCHAR(128) NOT NULL,
    check_value  CHAR(6)      NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    CONSTRAINT pk_terminal_mac_key PRIMARY KEY (terminal_id),
    CONSTRAINT fk_terminal_mac_key_terminal FOREIGN KEY (terminal_id) REFERENCES terminal (id),
    CONSTRAINT fk_terminal_mac_key_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
CREATE INDEX ix_terminal_mac_key_merchant ON terminal_mac_key (merchant_id, terminal_id);
