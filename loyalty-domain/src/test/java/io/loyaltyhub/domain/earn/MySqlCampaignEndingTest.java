package io.loyaltyhub.domain.earn;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.TestDatabases;

@Slow
class MySqlCampaignEndingTest extends CampaignEndingSuite {
    @Override
    DatabaseConfig newDatabase() {
        return TestDatabases.freshMySql();
    }
}
