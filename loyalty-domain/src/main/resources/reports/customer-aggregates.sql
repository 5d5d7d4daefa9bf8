-- One row per customer who bought at this merchant in the period, with the ranks RFM scores are taken from.
-- A "visit" is an approved, not voided sale; its spend and points are net of refunds of that sale.
-- RANK() counts the customers with a strictly lower value (plus one), so equal values share a score.
-- USE INDEX (same syntax on MySQL, MariaDB and H2) names the index that covers every column read here (V21);
-- without it the embedded database took 27-34 s over a million purchases (docs/performance.md, "Reports").
-- Parameters (after :merchant): from (inclusive), to (exclusive).
SELECT c.account_id, c.first_at, c.last_at, c.visits, c.spend, c.points,
       RANK() OVER (ORDER BY c.last_day) AS r_rank,
       RANK() OVER (ORDER BY c.visits) AS f_rank,
       RANK() OVER (ORDER BY c.spend) AS m_rank,
       COUNT(*) OVER () AS customers
FROM (
    SELECT p.account_id,
           MIN(p.occurred_at) AS first_at,
           MAX(p.occurred_at) AS last_at,
           MAX(CAST(p.occurred_at AS DATE)) AS last_day,
           COUNT(*) AS visits,
           SUM(p.amount_minor - p.amount_refunded) AS spend,
           SUM(p.points - p.points_reversed) AS points
    FROM purchase p USE INDEX (ix_purchase_time)
    WHERE p.merchant_id = :merchant AND p.occurred_at >= ? AND p.occurred_at < ?
      AND p.kind = 'SALE' AND p.result = 'APPROVED' AND p.voided = 0 AND p.account_id IS NOT NULL
    GROUP BY p.account_id
) c
ORDER BY c.spend DESC, c.visits DESC, c.last_at DESC, c.account_id
