-- Per store and UTC day: approved, not voided sales; spend and points net of refunds of those sales.
-- Parameters: merchant (store join), merchant, from (inclusive), to (exclusive) [, store id when filtered].
SELECT CAST(p.occurred_at AS DATE) AS sale_day, s.code AS store_code, COUNT(*) AS sales,
       SUM(p.amount_minor - p.amount_refunded) AS spend, SUM(p.points - p.points_reversed) AS points,
       COUNT(DISTINCT p.account_id) AS customers
FROM purchase p
JOIN store s ON s.merchant_id = ? AND s.id = p.store_id
WHERE p.merchant_id = ? AND p.occurred_at >= ? AND p.occurred_at < ? /*store*/
  AND p.kind = 'SALE' AND p.result = 'APPROVED' AND p.voided = 0
GROUP BY CAST(p.occurred_at AS DATE), s.code
ORDER BY sale_day, store_code
