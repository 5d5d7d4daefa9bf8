package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.util.Map;

class MySqlMerchantRewardsPageTest extends MerchantRewardsPageSuite {
    private DatabaseConfig db;

    @Override
    Map<String, String> databaseSettings() {
        db = TestDatabases.freshMySql();
        return Map.of("hub.db.url", db.url(), "hub.db.user", db.user(), "hub.db.password", db.password());
    }

    @Override
    void dropDatabase() {
        TestDatabases.dropMySql(db);
    }
}
