-- Customers whose last purchase here in the period is before the cut-off and who bought at least k times.
-- Parameters (after :merchant): from (inclusive), to (exclusive), minimum visits, cut-off (exclusive).
SELECT p.account_id,
       MIN(p.occurred_at) AS first_at,
       MAX(p.occurred_at) AS last_at,
       COUNT(*) AS visits,
       SUM(p.amount_minor - p.amount_refunded) AS spend,
       SUM(p.points - p.points_reversed) AS points
FROM purchase p USE INDEX (ix_purchase_time)
WHERE p.merchant_id = :merchant AND p.occurred_at >= ? AND p.occurred_at < ?
  AND p.kind = 'SALE' AND p.result = 'APPROVED' AND p.voided = 0 AND p.account_id IS NOT NULL
GROUP BY p.account_id
HAVING COUNT(*) >= ? AND MAX(p.occurred_at) < ?
ORDER BY spend DESC, visits DESC, last_at DESC, p.account_id
