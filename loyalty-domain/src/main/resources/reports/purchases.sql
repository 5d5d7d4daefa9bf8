-- Every transaction a terminal of this merchant presented in the period, in time order. No joins: store and
-- terminal codes are looked up in Java (a merchant has few), so the database walks one index range in order.
-- Parameters (after :merchant): from (inclusive), to (exclusive) [, store id when filtered by store].
SELECT p.occurred_at, p.occurred_offset, p.store_id, p.terminal_id, p.kind, p.result,
       p.amount_minor, p.currency, p.points, p.account_id
FROM purchase p
WHERE p.merchant_id = :merchant AND p.occurred_at >= ? AND p.occurred_at < ? /*store*/
ORDER BY p.occurred_at, p.id
