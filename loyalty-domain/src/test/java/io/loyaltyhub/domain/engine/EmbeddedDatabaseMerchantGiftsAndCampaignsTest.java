package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.TestDatabases;

class EmbeddedDatabaseMerchantGiftsAndCampaignsTest extends MerchantGiftsAndCampaignsSuite {
    @Override
    DatabaseConfig newDatabase() {
        return TestDatabases.h2();
    }
}
