-- This merchant's terminals, for turning terminal ids into codes in reports.
SELECT id, code FROM terminal WHERE merchant_id = :merchant
