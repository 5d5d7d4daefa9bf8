package io.loyaltyhub.hub.chaos;

/** A transaction's identity in the hub's idempotency record: terminal code, reference, type (the merchant is the suite's one). */
record PurchaseKey(String terminal, String ref, String kind) {
}
