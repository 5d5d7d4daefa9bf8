-- Points moved by approved transactions at this merchant, per UTC day, by when the transaction happened.
-- Parameters (after :merchant): from (inclusive), to (exclusive).
SELECT CAST(p.occurred_at AS DATE) AS points_day,
       SUM(CASE WHEN p.kind = 'SALE' THEN p.points ELSE 0 END) AS issued,
       -SUM(CASE WHEN p.kind IN ('REFUND', 'VOID', 'REVERSAL') AND p.points < 0 THEN p.points ELSE 0 END) AS reversed,
       -SUM(CASE WHEN p.kind = 'REDEEM' THEN p.points ELSE 0 END) AS redeemed,
       SUM(CASE WHEN p.kind IN ('VOID', 'REVERSAL') AND p.points > 0 THEN p.points ELSE 0 END) AS restored,
       SUM(p.points) AS net
FROM purchase p
WHERE p.merchant_id = :merchant AND p.occurred_at >= ? AND p.occurred_at < ? AND p.result = 'APPROVED'
GROUP BY CAST(p.occurred_at AS DATE)
ORDER BY points_day
