-- Credentials of the operator's HTTP API (/operator/v1, docs/households.md): issued with operator-credential-add,
-- presented as HTTP Basic. Coalition data: no merchant. The secret is kept only as an Argon2id hash.
CREATE TABLE operator_credential (
    id             BIGINT       NOT NULL,
    credential_id  VARCHAR(40)  NOT NULL,
    secret_hash    VARCHAR(200) NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    revoked_at     DATETIME(3)  NULL,
    CONSTRAINT pk_operator_credential PRIMARY KEY (id),
    CONSTRAINT uk_operator_credential UNIQUE (credential_id)
);
