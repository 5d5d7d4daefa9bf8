package io.loyaltyhub.domain.txn;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import io.loyaltyhub.domain.persistence.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * The register of one merchant's batch files already processed ({@code processed_batch_file}), keyed by channel, file
 * name and SHA-256 within the merchant.
 */
public final class ProcessedBatchFiles {
    private final Database database;

    public ProcessedBatchFiles(Database database) {
        this.database = database;
    }

    public boolean contains(MerchantId merchant, String channel, String fileName, String sha256) {
        try (Connection c = database.connection();
             PreparedStatement select = MerchantSql.on(c, merchant).prepare("SELECT 1 FROM processed_batch_file"
                     + " WHERE merchant_id = :merchant AND channel = ? AND file_name = ? AND sha256 = ?")) {
            bind(select, channel, fileName, sha256);
            try (ResultSet rows = select.executeQuery()) {
                boolean found = rows.next();
                c.commit();
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the processed-files register: " + e.getMessage(), e);
        }
    }

    public void record(MerchantId merchant, String channel, String fileName, String sha256, long lineCount,
                       LocalDateTime processedAt) {
        try (Connection c = database.connection();
             PreparedStatement insert = MerchantSql.on(c, merchant).prepare("INSERT INTO processed_batch_file"
                     + " (merchant_id, channel, file_name, sha256, processed_at, line_count)"
                     + " VALUES (:merchant, ?, ?, ?, ?, ?)")) {
            bind(insert, channel, fileName, sha256);
            insert.setTimestamp(4, Sql.timestamp(processedAt));
            insert.setLong(5, lineCount);
            insert.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the processed file: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, String channel, String fileName, String sha256)
            throws SQLException {
        statement.setString(1, channel);
        statement.setString(2, fileName);
        statement.setString(3, sha256);
    }
}
