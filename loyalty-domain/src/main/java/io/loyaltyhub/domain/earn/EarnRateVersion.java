package io.loyaltyhub.domain.earn;

import io.loyaltyhub.domain.model.EarnRate;
import java.time.LocalDateTime;

/**
 * A merchant's earn rate in one currency from {@code effectiveFrom} (UTC) on; {@link #rule()} names it in the record of
 * each credit it produced ({@code rate:v<id>}, or {@code rate:base} for the merchant's base rate, id 0).
 */
public record EarnRateVersion(long id, String currency, EarnRate rate, LocalDateTime effectiveFrom) {
    public static final String BASE = "rate:base";

    public String rule() {
        return id == 0 ? BASE : "rate:v" + id;
    }
}
