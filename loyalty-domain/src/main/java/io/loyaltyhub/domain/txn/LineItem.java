package io.loyaltyhub.domain.txn;

/** One basket line, in integer minor units. Informational: points are earned on the transaction amount. */
public record LineItem(String sku, String category, int quantity, long amountMinorUnits) {
    public LineItem {
        if (sku == null || sku.isBlank() || sku.length() > 64) {
            throw new IllegalArgumentException("line item sku must be 1-64 characters");
        }
        if (category != null && category.length() > 64) {
            throw new IllegalArgumentException("line item category must be at most 64 characters");
        }
        if (quantity < 0) {
            throw new IllegalArgumentException("line item quantity must not be negative");
        }
    }
}
