package io.loyaltyhub.domain.admin;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What the operator console reads of the merchants, their stores and terminals: the read-only commands' own
 * {@link OperatorQueries}, each call on a pooled connection of its own.
 */
public final class OperatorDirectory {
    private final Database database;

    public OperatorDirectory(Database database) {
        this.database = database;
    }

    private interface Read<T> {
        T from(OperatorQueries queries) throws SQLException;
    }

    public List<OperatorQueries.MerchantRow> merchants() {
        return read(OperatorQueries::merchants);
    }

    public Optional<MerchantId> merchantId(String code) {
        return read(q -> q.merchantId(code));
    }

    public List<OperatorQueries.StoreRow> stores(MerchantId merchant) {
        return read(q -> q.stores(merchant));
    }

    public List<OperatorQueries.TerminalRow> terminals(MerchantId merchant) {
        return read(q -> q.terminals(merchant));
    }

    private <T> T read(Read<T> read) {
        try (Connection c = database.connection()) {
            return read.from(new OperatorQueries(c, 0));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the merchant directory: " + e.getMessage(), e);
        }
    }
}
