-- This merchant's stores, for turning store ids into codes in reports.
SELECT id, code FROM store WHERE merchant_id = :merchant
