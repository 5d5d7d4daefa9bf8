package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.TestDatabases;

class EmbeddedDatabaseRewardsTest extends RewardsSuite {
    @Override
    DatabaseConfig newDatabase() {
        return TestDatabases.h2();
    }
}
