-- Request-signing secrets of HTTP terminals (docs/http-json.md#signed-requests), at most one per terminal.
-- A terminal with a row here must sign every request. The hub needs the secret itself to check an HMAC, so it
-- is stored wrapped (AES-256-GCM under the keystore's master key, bound to merchant and terminal), never in
-- clear and not merely hashed. Tenant-owned: merchant_id NOT NULL with no default, index leading with merchant_id.
CREATE TABLE terminal_signing_key (
    terminal_id     BIGINT        NOT NULL,
    merchant_id     BIGINT        NOT NULL,
    wrapped_secret  VARCHAR(200)  NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    CONSTRAINT pk_terminal_signing_key PRIMARY KEY (terminal_id),
    CONSTRAINT fk_terminal_signing_key_terminal FOREIGN KEY (terminal_id) REFERENCES terminal (id),
    CONSTRAINT fk_terminal_signing_key_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
CREATE INDEX ix_terminal_signing_key_merchant ON terminal_signing_key (merchant_id, terminal_id);
