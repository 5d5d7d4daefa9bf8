-- The card key version new cards are stored under, for the whole coalition (docs/security.md, "Card key
-- rotation"). Hub nodes tokenize a card under every card key version they hold and look it up under all of
-- them; a node creates a card only under this version, so two nodes holding different key versions can never
-- store one card twice. keys-rekey-cards moves it to the keystore's newest version before it re-keys the cards.
CREATE TABLE card_key_state (
    id              INT  NOT NULL,
    current_version INT  NOT NULL,
    CONSTRAINT pk_card_key_state PRIMARY KEY (id)
);
INSERT INTO card_key_state (id, current_version) SELECT 1, COALESCE(MAX(key_version), 1) FROM card;

-- Cards left on earlier versions are counted while re-keying; without this index that was a scan of every card.
CREATE INDEX ix_card_key_version ON card (key_version);

-- A card stored twice (under two key versions, before this change) merged into one by keys-rekey-cards: what
-- was moved, for the operator's audit.
CREATE TABLE card_merge (
    id                 BIGINT      NOT NULL,
    kept_card_id       BIGINT      NOT NULL,
    kept_account_id    BIGINT      NOT NULL,
    merged_card_id     BIGINT      NOT NULL,
    merged_account_id  BIGINT      NOT NULL,
    points_moved       BIGINT      NOT NULL,
    merged_at          DATETIME(3) NOT NULL,
    CONSTRAINT pk_card_merge PRIMARY KEY (id)
);
