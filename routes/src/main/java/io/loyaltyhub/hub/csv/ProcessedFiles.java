package io.loyaltyhub.hub.csv;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * The register of batch files already processed, keyed by merchant, channel, file name and SHA-256.
 * Checked before a file is processed and written after it has been, so a file interrupted by a crash is
 * simply processed again (its transactions are idempotent on the crediting path).
 */
public final class ProcessedFiles {

    /** Identity of one dropped file. */
    public record FileKey(MerchantId merchant, String channel, String fileName, String sha256) {
    }

    private final Database database;
    private final Clock clock;

    public ProcessedFiles(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public boolean alreadyProcessed(FileKey key) {
        try (Connection c = database.connection();
             PreparedStatement select = c.prepareStatement("SELECT 1 FROM processed_batch_file"
                     + " WHERE merchant_id = ? AND channel = ? AND file_name = ? AND sha256 = ?")) {
            bind(select, key);
            try (ResultSet rows = select.executeQuery()) {
                boolean found = rows.next();
                c.commit();
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the processed-files register: " + e.getMessage(), e);
        }
    }

    public void markProcessed(FileKey key, long lineCount) {
        try (Connection c = database.connection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO processed_batch_file"
                     + " (merchant_id, channel, file_name, sha256, processed_at, line_count) VALUES (?, ?, ?, ?, ?, ?)")) {
            bind(insert, key);
            insert.setTimestamp(5, Sql.timestamp(LocalDateTime.now(clock)));
            insert.setLong(6, lineCount);
            insert.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the processed file: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, FileKey key) throws SQLException {
        statement.setLong(1, key.merchant().value());
        statement.setString(2, key.channel());
        statement.setString(3, key.fileName());
        statement.setString(4, key.sha256());
    }
}
