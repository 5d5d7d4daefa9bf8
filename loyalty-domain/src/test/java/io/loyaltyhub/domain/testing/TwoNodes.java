package io.loyaltyhub.domain.testing;

import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;

/**
 * Two hub nodes on one new database: two pools, as two hub processes would have, for the stores the nodes share
 * (nonces, file claims, daily job runs). Closing closes both and drops a MySQL test database.
 */
public final class TwoNodes implements AutoCloseable {
    private final DatabaseConfig config;
    private final Database one;
    private final Database two;

    public TwoNodes(DatabaseConfig config) {
        this.config = config;
        this.one = Database.open(config);
        this.two = Database.open(config);
    }

    public Database one() {
        return one;
    }

    public Database two() {
        return two;
    }

    @Override
    public void close() {
        one.close();
        two.close();
        TestDatabases.dropMySql(config);
    }
}
