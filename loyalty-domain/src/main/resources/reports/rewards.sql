-- What this merchant's earn rules and rewards did in the period (docs/rewards.md, "Report"): the points its approved
-- sales earned per rule (rate version, campaign, tier: earn_credit_rule, by when the sale happened), and the rewards
-- handed out at its tills and not cancelled (by when they were redeemed). Both this merchant's rows only.
-- Parameters (after :merchant): from (inclusive), to (exclusive), from (inclusive), to (exclusive).
SELECT d.kind, d.name, d.times, d.points
FROM (
    SELECT 'earn-rule' AS kind, r.rule AS name, COUNT(*) AS times, SUM(r.points) AS points
    FROM earn_credit_rule r
    JOIN purchase p ON p.id = r.purchase_id AND p.merchant_id = r.merchant_id
    WHERE r.merchant_id = :merchant AND p.occurred_at >= ? AND p.occurred_at < ?
    GROUP BY r.rule
    UNION ALL
    SELECT 'reward' AS kind, w.code AS name, COUNT(*) AS times, SUM(x.points) AS points
    FROM reward_redemption x
    JOIN reward w ON w.id = x.reward_id
    WHERE x.merchant_id = :merchant AND x.status = 'FULFILLED' AND x.created_at >= ? AND x.created_at < ?
    GROUP BY w.code
) d
ORDER BY d.kind, d.name
