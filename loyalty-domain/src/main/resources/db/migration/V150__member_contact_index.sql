-- A keyed hash (HMAC-SHA256, docs/security.md "Finding a member by email or phone") of each copy's email and phone,
-- so that a cloud POS sale without a card finds its member with one indexed look-up instead of opening every
-- consented member's contact details. Keyed per owner: one owner's hashes say nothing about another's. Rows written
-- before this migration have none; they are hashed the first time a look-up reads them.
ALTER TABLE member_personal_data ADD COLUMN email_index CHAR(64) NULL;
ALTER TABLE member_personal_data ADD COLUMN phone_index CHAR(64) NULL;
CREATE INDEX ix_member_personal_data_email ON member_personal_data (owner_ref, email_index);
CREATE INDEX ix_member_personal_data_phone ON member_personal_data (owner_ref, phone_index);
