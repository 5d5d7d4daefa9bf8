package io.loyaltyhub.hub.reports;

import java.util.Map;

class EmbeddedDatabaseCrossMerchantTest extends CrossMerchantReportsSuite {
    @Override
    Map<String, String> databaseSettings() {
        return Map.of();
    }

    @Override
    void dropDatabase() {
    }
}
