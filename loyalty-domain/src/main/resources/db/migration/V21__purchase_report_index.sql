-- Merchant reports read a merchant's purchases of a period in time order (purchases, daily, points) or grouped by
-- customer (customers, lapsed, segments). Through the narrow (merchant_id, occurred_at) index every row costs a
-- random read of the table; with a million purchases and a database cache smaller than the table that made an
-- export take minutes (docs/performance.md, "Reports"). This index carries every column the reports read, so a
-- report is one sequential range scan of the index. It replaces the narrow index (same leading columns, so
-- nothing that used it loses anything); the price is a wider index to maintain on each insert.
DROP INDEX ix_purchase_time ON purchase;
CREATE INDEX ix_purchase_time ON purchase (merchant_id, occurred_at, kind, result, voided, account_id, store_id,
    terminal_id, amount_minor, amount_refunded, points, points_reversed, currency, occurred_offset);
