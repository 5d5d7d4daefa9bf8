package io.loyaltyhub.domain.jobs;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.TestDatabases;

@Slow
class MySqlDailyJobsTest extends DailyJobsSuite {
    @Override
    DatabaseConfig newDatabase() {
        return TestDatabases.freshMySql();
    }
}
