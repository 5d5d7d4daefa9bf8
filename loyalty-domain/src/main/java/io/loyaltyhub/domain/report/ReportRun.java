package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.member.MemberContacts;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/** Everything one report run needs; the merchant comes from the request and is bound into every statement. */
record ReportRun(ReportRequest request, Connection connection, boolean mySql,
                 CustomerPseudonyms.Pseudonymizer pseudonyms, MemberContacts contacts, RowWriter out) {

    MerchantId merchant() {
        return request.merchant();
    }

    /** A statement on this run's merchant's rows (its {@code :merchant} bound). */
    PreparedStatement prepare(String sql) throws SQLException {
        return MerchantSql.on(connection, merchant()).prepare(sql);
    }

    PreparedStatement streaming(String sql) throws SQLException {
        return ReportSql.streaming(MerchantSql.on(connection, merchant()), sql, mySql);
    }

    /**
     * A streamed statement over this merchant's period (start and end bound first), narrowed to the
     * requested store where the query carries the store marker.
     */
    PreparedStatement streamingInPeriodAndStore(String sql) throws SQLException {
        Long store = request.storeId();
        PreparedStatement ps = streaming(sql.replace("/*store*/", store == null ? "" : "AND p.store_id = ?"));
        try {
            bindPeriod(ps);
            if (store != null) {
                ps.setLong(3, store);
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    /** Binds period start and end as parameters 1 and 2 (the common head of every report query, after its merchant). */
    void bindPeriod(PreparedStatement ps) throws SQLException {
        ps.setTimestamp(1, Timestamp.valueOf(request.period().start()));
        ps.setTimestamp(2, Timestamp.valueOf(request.period().end()));
    }

    /** Binds the period {@code times} times over: parameters 1 and 2, 3 and 4, … (a query of several parts). */
    void bindPeriod(PreparedStatement ps, int times) throws SQLException {
        for (int i = 0; i < times; i++) {
            ps.setTimestamp(2 * i + 1, Timestamp.valueOf(request.period().start()));
            ps.setTimestamp(2 * i + 2, Timestamp.valueOf(request.period().end()));
        }
    }
}
