-- Which hub node is processing which dropped batch file (CSV, POSLog), so that with several nodes watching one
-- shared inbox folder each file is processed by one node only (docs/operations.md, "Several nodes"). A claim is
-- held for a lease that its node renews while it works; a node killed mid-file stops renewing, and once the
-- lease has run out another node takes the claim over and processes the file again (its lines are idempotent).
-- A claim is deleted when its file has been moved out of the inbox. The key is a SHA-256 of the channel and the
-- file's path in the inbox, never the name itself (a file name may hold a card number). No merchant owns a
-- claim: it is taken before the file is read, and the inbox folder names the merchant only then.
CREATE TABLE batch_file_claim (
    claim_key    CHAR(64)    NOT NULL,
    holder       VARCHAR(64) NOT NULL,
    lease_until  DATETIME(3) NOT NULL,
    CONSTRAINT pk_batch_file_claim PRIMARY KEY (claim_key)
);
