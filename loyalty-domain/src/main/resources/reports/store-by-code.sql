-- A store of this merchant by its code (another merchant's store with the same code is not found).
SELECT id FROM store WHERE merchant_id = :merchant AND code = ?
