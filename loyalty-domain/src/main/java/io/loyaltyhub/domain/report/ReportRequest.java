package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.model.MerchantId;
import java.util.Map;

/**
 * A validated report request. {@code storeId} is the id of one of this merchant's stores (resolved from the
 * {@code store} code with the merchant predicate) or null for all stores. {@code parameters} are the effective
 * parameters (defaults filled in), sorted by name, as audited.
 */
public record ReportRequest(MerchantPrincipal who, String report, ReportPeriod period, Long storeId, int days,
                            int minVisits, ReportFormat format, Map<String, String> parameters) {
    public ReportRequest {
        if (who == null) {
            throw new IllegalArgumentException("a report request needs the merchant");
        }
        parameters = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(parameters));
    }

    public MerchantId merchant() {
        return who.merchant();
    }
}
