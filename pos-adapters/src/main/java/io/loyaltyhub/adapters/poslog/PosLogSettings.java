package io.loyaltyhub.adapters.poslog;

import java.time.ZoneId;
import java.util.Currency;

/**
 * What a POSLog document may leave unsaid. POS back offices often write local times without an offset
 * and omit the currency code; the hub reads those in the configured zone and currency rather than guessing.
 *
 * @param defaultCurrency used when a transaction has no CurrencyCode; null means such transactions are rejected
 */
public record PosLogSettings(ZoneId localTimeZone, Currency defaultCurrency) {

    public PosLogSettings {
        if (localTimeZone == null) {
            throw new IllegalArgumentException("the zone for local POSLog times is required");
        }
    }
}
