package io.loyaltyhub.domain.admin;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.AcrossMerchants;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the operator's read-only commands read (the merchant list, the report-download audit), on one connection the
 * caller opened (read-only, without the pool or Hibernate, so such a command starts quickly) and closes.
 */
public final class OperatorQueries {
    public record MerchantRow(long id, String code, String status, String name) {
    }

    public record DownloadRow(LocalDateTime startedAt, long merchantId, String credentialId, String report, String outcome,
                              long rowCount, String format, String parameters) {
    }

    private static final String DOWNLOADS = "SELECT d.started_at, d.merchant_id, d.credential_id, d.report, d.outcome, "
            + "d.row_count, d.format, d.parameters FROM report_download d";
    private static final String AUDIT = "operator audit: every merchant's report downloads (report-downloads without --merchant)";

    private final Connection connection;
    private final int maxDownloads;

    /** A terminal as its broker login knows it: code, credential id (the login's user name) and status. */
    public record TerminalRow(String code, String credentialId, String status) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    public OperatorQueries(Connection connection, int maxDownloads) {
        this.connection = connection;
        this.maxDownloads = maxDownloads;
    }

    /** Every merchant, by code (the merchant list is the operator's, no merchant's own data). */
    public List<MerchantRow> merchants() throws SQLException {
        List<MerchantRow> merchants = new ArrayList<>();
        try (PreparedStatement select = CoalitionSql.on(connection).prepare(
                "SELECT id, code, status, name FROM merchant ORDER BY code");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                merchants.add(new MerchantRow(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        connection.rollback();
        return merchants;
    }

    public Optional<MerchantId> merchantId(String code) throws SQLException {
        try (PreparedStatement select = CoalitionSql.on(connection).prepare("SELECT id FROM merchant WHERE code = ?")) {
            select.setString(1, code);
            try (ResultSet rows = select.executeQuery()) {
                Optional<MerchantId> id = rows.next() ? Optional.of(new MerchantId(rows.getLong(1))) : Optional.empty();
                connection.rollback();
                return id;
            }
        }
    }

    /** One merchant's terminals, by code. */
    public List<TerminalRow> terminals(MerchantId merchant) throws SQLException {
        List<TerminalRow> terminals = new ArrayList<>();
        try (PreparedStatement select = MerchantSql.on(connection, merchant).prepare(
                "SELECT code, credential_id, status FROM terminal WHERE merchant_id = :merchant ORDER BY code");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                terminals.add(new TerminalRow(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        connection.rollback();
        return terminals;
    }

    /** A store of a merchant: its code and name. */
    public record StoreRow(String code, String name) {
    }

    /** One merchant's stores, by code. */
    public List<StoreRow> stores(MerchantId merchant) throws SQLException {
        List<StoreRow> stores = new ArrayList<>();
        try (PreparedStatement select = MerchantSql.on(connection, merchant).prepare(
                "SELECT code, name FROM store WHERE merchant_id = :merchant ORDER BY code");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                stores.add(new StoreRow(rows.getString(1), rows.getString(2)));
            }
        }
        connection.rollback();
        return stores;
    }

    /** One merchant's report downloads, newest first. */
    public List<DownloadRow> downloads(MerchantId merchant) throws SQLException {
        try (PreparedStatement select = MerchantSql.on(connection, merchant).prepare(DOWNLOADS
                + " WHERE d.merchant_id = :merchant ORDER BY d.started_at DESC, d.id DESC")) {
            return downloads(select);
        }
    }

    /** Every merchant's report downloads, newest first: the operator's audit view. */
    public List<DownloadRow> downloadsAcrossMerchants() throws SQLException {
        try (PreparedStatement select = AcrossMerchants.on(connection, AUDIT).prepare(DOWNLOADS
                + " ORDER BY d.started_at DESC, d.id DESC")) {
            return downloads(select);
        }
    }

    private List<DownloadRow> downloads(PreparedStatement select) throws SQLException {
        select.setMaxRows(maxDownloads);
        List<DownloadRow> downloads = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                downloads.add(new DownloadRow(rows.getObject(1, LocalDateTime.class), rows.getLong(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getLong(6), rows.getString(7), rows.getString(8)));
            }
        }
        connection.rollback();
        return downloads;
    }
}
