package io.loyaltyhub.domain.portal;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.TestDatabases;

class EmbeddedDatabaseMerchantUsersTest extends MerchantUsersSuite {
    @Override
    DatabaseConfig newDatabase() {
        return TestDatabases.h2();
    }
}
