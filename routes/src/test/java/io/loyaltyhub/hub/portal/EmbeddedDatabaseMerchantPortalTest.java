package io.loyaltyhub.hub.portal;

import java.util.Map;

class EmbeddedDatabaseMerchantPortalTest extends MerchantPortalSuite {
    @Override
    Map<String, String> databaseSettings() {
        return Map.of();
    }

    @Override
    void dropDatabase() {
    }
}
