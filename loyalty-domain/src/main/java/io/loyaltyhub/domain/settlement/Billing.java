package io.loyaltyhub.domain.settlement;

/** How a merchant pays for the points it issues (docs/settlement.md). */
public enum Billing {
    /** Billed on each period's statement for the points issued, net of reversals. */
    POST_PAID,
    /** Buys points in advance (top-ups, billed when bought); each close draws the period's issued points down. */
    PREPAID
}
