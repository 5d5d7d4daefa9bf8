package io.loyaltyhub.domain.txn;

/**
 * How a transaction reached the hub. Recorded for reports and support; the engine decides nothing on it (it only
 * shows the next expiry on every answer of the batch channels, which have no balance inquiries: docs/expiry.md).
 */
public enum Channel {
    HTTP_JSON, ISO8583, POSLOG, CSV_BATCH, BROKER, WEBHOOK
}
