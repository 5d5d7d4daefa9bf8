package io.loyaltyhub.domain.admin;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.TestDatabases;

@Slow
class MySqlMerchantOnboardingTest extends MerchantOnboardingSuite {
    @Override
    DatabaseConfig newDatabase() {
        return TestDatabases.freshMySql();
    }
}
