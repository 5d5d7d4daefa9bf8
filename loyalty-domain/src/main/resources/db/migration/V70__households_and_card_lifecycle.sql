-- Households and the card's life (issue 14, docs/households.md). A household is a member account with one or more
-- cards: its cards earn into and spend from its one balance. The operator moves cards and points between accounts;
-- every move of points is a pair of rows in account_move (one per account, summing to zero), so an account's balance
-- is the sum of its ledger_entry rows (what merchants' transactions moved) and its account_move rows (what the
-- operator moved). Coalition data, the operator's: no merchant on any of these rows.

-- ACTIVE, BLOCKED (with a reason: LOST, STOLEN, DAMAGED, OTHER) or REPLACED (by replaced_by_card_id).
ALTER TABLE card ADD COLUMN status_reason VARCHAR(16) NULL;
ALTER TABLE card ADD COLUMN status_changed_at DATETIME(3) NULL;
ALTER TABLE card ADD COLUMN replaced_by_card_id BIGINT NULL;

-- OPEN, or CLOSED once its last card left it for another account (its balance moved with it: closed accounts hold 0).
ALTER TABLE member_account ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'OPEN';
ALTER TABLE member_account ADD COLUMN closed_into_account_id BIGINT NULL;

CREATE TABLE account_move (
    id                  BIGINT      NOT NULL,
    operation_id        BIGINT      NOT NULL,
    account_id          BIGINT      NOT NULL,
    counter_account_id  BIGINT      NOT NULL,
    card_id             BIGINT      NULL,
    move_type           VARCHAR(16) NOT NULL,
    points              BIGINT      NOT NULL,
    created_at          DATETIME(3) NOT NULL,
    CONSTRAINT pk_account_move PRIMARY KEY (id)
);
CREATE INDEX ix_account_move_account ON account_move (account_id);

-- The operator's audit of every card and household operation: what was done, to which card and accounts, why, by whom.
CREATE TABLE member_event (
    id                BIGINT       NOT NULL,
    event_type        VARCHAR(24)  NOT NULL,
    card_id           BIGINT       NULL,
    account_id        BIGINT       NOT NULL,
    other_card_id     BIGINT       NULL,
    other_account_id  BIGINT       NULL,
    reason            VARCHAR(16)  NULL,
    points            BIGINT       NOT NULL,
    actor             VARCHAR(64)  NOT NULL,
    happened_at       DATETIME(3)  NOT NULL,
    CONSTRAINT pk_member_event PRIMARY KEY (id)
);
CREATE INDEX ix_member_event_account ON member_event (account_id, happened_at);
CREATE INDEX ix_member_event_card ON member_event (card_id, happened_at);
