package io.loyaltyhub.hub.portal;

import java.util.Map;

class EmbeddedDatabaseMerchantRewardsPageTest extends MerchantRewardsPageSuite {
    @Override
    Map<String, String> databaseSettings() {
        return Map.of();
    }

    @Override
    void dropDatabase() {
    }
}
