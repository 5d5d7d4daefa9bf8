-- Nonces of signed terminal requests (docs/security.md, "Request signing"), shared by every hub node on this
-- database: a signed request replayed to another node finds its nonce here and is refused. A row is kept until
-- expires_at (the signing window on both sides of the hub's clock, past which the timestamp refuses the request
-- anyway); each node deletes expired rows every minute. Tenant-owned: the terminal's merchant.
CREATE TABLE used_request_nonce (
    merchant_id  BIGINT      NOT NULL,
    terminal_id  BIGINT      NOT NULL,
    nonce        VARCHAR(64) NOT NULL,
    expires_at   DATETIME(3) NOT NULL,
    CONSTRAINT pk_used_request_nonce PRIMARY KEY (merchant_id, terminal_id, nonce),
    CONSTRAINT fk_used_request_nonce_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id)
);
CREATE INDEX ix_used_request_nonce_expiry ON used_request_nonce (expires_at);
