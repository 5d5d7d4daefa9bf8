package io.loyaltyhub.domain.jobs;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.TestDatabases;

class EmbeddedDatabaseDailyJobsTest extends DailyJobsSuite {
    @Override
    DatabaseConfig newDatabase() {
        return TestDatabases.h2();
    }
}
