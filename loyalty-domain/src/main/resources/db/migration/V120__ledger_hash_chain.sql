-- The tamper-evident ledger (issue 16, docs/settlement.md): each merchant's ledger entries form a hash chain. A link
-- row per entry (the entry row itself is left as it was written: the chain is appended beside it in the same
-- transaction) holds the entry's position in its merchant's chain, the hash of the link before and its own hash over
-- the entry's content. The head row is the chain's tip; writers lock it (SELECT ... FOR UPDATE) to append, so
-- concurrent batches and several hub nodes on one database extend each chain one at a time.
CREATE TABLE ledger_chain_head (
    merchant_id  BIGINT      NOT NULL,
    last_seq     BIGINT      NOT NULL,
    last_hash    CHAR(64)    NOT NULL,
    CONSTRAINT pk_ledger_chain_head PRIMARY KEY (merchant_id)
);

CREATE TABLE ledger_chain_link (
    merchant_id  BIGINT      NOT NULL,
    chain_seq    BIGINT      NOT NULL,
    entry_id     BIGINT      NOT NULL,
    prev_hash    CHAR(64)    NOT NULL,
    entry_hash   CHAR(64)    NOT NULL,
    CONSTRAINT pk_ledger_chain_link PRIMARY KEY (merchant_id, chain_seq),
    CONSTRAINT uk_ledger_chain_link_entry UNIQUE (entry_id)
);
