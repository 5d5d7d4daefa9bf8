package io.loyaltyhub.domain.admin;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.TestDatabases;

class EmbeddedDatabaseMerchantOnboardingTest extends MerchantOnboardingSuite {
    @Override
    DatabaseConfig newDatabase() {
        return TestDatabases.h2();
    }
}
