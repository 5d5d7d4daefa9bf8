package io.loyaltyhub.domain.admin;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.TestDatabases;

class EmbeddedDatabaseCardRangesTest extends CardRangesSuite {
    @Override
    DatabaseConfig newDatabase() {
        return TestDatabases.h2();
    }
}
