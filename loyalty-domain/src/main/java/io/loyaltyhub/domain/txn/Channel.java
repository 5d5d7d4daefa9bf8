package io.loyaltyhub.domain.txn;

/** How a transaction reached the hub. Recorded for reports and support; the engine never branches on it. */
public enum Channel {
    HTTP_JSON, ISO8583, POSLOG, CSV_BATCH, BROKER, WEBHOOK
}
