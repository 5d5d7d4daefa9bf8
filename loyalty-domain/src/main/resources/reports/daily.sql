-- Per store and UTC day: approved, not voided sales; spend and points net of refunds of those sales.
-- Store codes are looked up in Java. Parameters (after :merchant): from (inclusive), to (exclusive) [, store id].
SELECT CAST(p.occurred_at AS DATE) AS sale_day, p.store_id, COUNT(*) AS sales,
       SUM(p.amount_minor - p.amount_refunded) AS spend, SUM(p.points - p.points_reversed) AS points,
       COUNT(DISTINCT p.account_id) AS customers
FROM purchase p
WHERE p.merchant_id = :merchant AND p.occurred_at >= ? AND p.occurred_at < ? /*store*/
  AND p.kind = 'SALE' AND p.result = 'APPROVED' AND p.voided = 0
GROUP BY CAST(p.occurred_at AS DATE), p.store_id
ORDER BY sale_day, p.store_id
