-- Every transaction a terminal of this merchant presented in the period, in time order.
-- Parameters: merchant (store join), merchant (terminal join), merchant, from (inclusive), to (exclusive)
-- [, store id when filtered by store].
SELECT p.occurred_at, p.occurred_offset, s.code AS store_code, t.code AS terminal_code, p.kind, p.result,
       p.amount_minor, p.currency, p.points, p.account_id
FROM purchase p
JOIN store s ON s.merchant_id = ? AND s.id = p.store_id
JOIN terminal t ON t.merchant_id = ? AND t.id = p.terminal_id
WHERE p.merchant_id = ? AND p.occurred_at >= ? AND p.occurred_at < ? /*store*/
ORDER BY p.occurred_at, p.id
