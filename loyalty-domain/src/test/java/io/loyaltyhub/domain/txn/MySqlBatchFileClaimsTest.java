package io.loyaltyhub.domain.txn;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.TestDatabases;

@Slow
class MySqlBatchFileClaimsTest extends BatchFileClaimsSuite {
    @Override
    DatabaseConfig newDatabase() {
        return TestDatabases.freshMySql();
    }
}
