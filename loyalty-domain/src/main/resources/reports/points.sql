-- Points moved at this merchant per UTC day: by approved transactions, by when the transaction happened, and points
-- of lots earned here that expired, by when they expired (EXPIRE ledger entries, docs/expiry.md).
-- Parameters (after :merchant): from (inclusive), to (exclusive), from (inclusive), to (exclusive).
SELECT d.points_day, SUM(d.issued), SUM(d.reversed), SUM(d.redeemed), SUM(d.restored), SUM(d.expired), SUM(d.net)
FROM (
    SELECT CAST(p.occurred_at AS DATE) AS points_day,
           SUM(CASE WHEN p.kind = 'SALE' THEN p.points ELSE 0 END) AS issued,
           -SUM(CASE WHEN p.kind IN ('REFUND', 'VOID', 'REVERSAL') AND p.points < 0 THEN p.points ELSE 0 END) AS reversed,
           -SUM(CASE WHEN p.kind = 'REDEEM' THEN p.points ELSE 0 END) AS redeemed,
           SUM(CASE WHEN p.kind IN ('VOID', 'REVERSAL') AND p.points > 0 THEN p.points ELSE 0 END) AS restored,
           0 AS expired,
           SUM(p.points) AS net
    FROM purchase p
    WHERE p.merchant_id = :merchant AND p.occurred_at >= ? AND p.occurred_at < ? AND p.result = 'APPROVED'
    GROUP BY CAST(p.occurred_at AS DATE)
    UNION ALL
    SELECT CAST(l.created_at AS DATE) AS points_day, 0, 0, 0, 0, -SUM(l.points), SUM(l.points)
    FROM ledger_entry l
    WHERE l.merchant_id = :merchant AND l.entry_type = 'EXPIRE' AND l.created_at >= ? AND l.created_at < ?
    GROUP BY CAST(l.created_at AS DATE)
) d
GROUP BY d.points_day
ORDER BY d.points_day
