package io.loyaltyhub.domain.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * Run in a child JVM by {@link EmbeddedDatabaseDurabilityTest}: commits one row at a time on the embedded database
 * with {@link Database#commitDurably} and prints each row's number only after its commit returned — as the hub
 * answers a terminal only after the engine's commit. The test kills this process and counts what survived.
 */
public final class CommitWriter {
    private CommitWriter() {
    }

    public static void main(String[] args) throws Exception {
        try (Database database = Database.open(DatabaseConfig.embedded(Path.of(args[0]), 2));
             Connection c = database.connection()) {
            c.createStatement().execute("CREATE TABLE durability_probe (n BIGINT PRIMARY KEY)");
            c.commit();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO durability_probe (n) VALUES (?)")) {
                for (long n = 1; ; n++) {
                    insert.setLong(1, n);
                    insert.executeUpdate();
                    database.commitDurably(c);
                    System.out.println(n);
                    System.out.flush();
                }
            }
        }
    }
}
