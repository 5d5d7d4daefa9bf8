package io.loyaltyhub.domain.member;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.TestDatabases;

@Slow
class MySqlMemberContactsTest extends MemberContactsSuite {
    @Override
    DatabaseConfig newDatabase() {
        return TestDatabases.freshMySql();
    }
}
