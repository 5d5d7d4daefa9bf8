package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.member.MemberContacts;
import io.loyaltyhub.domain.model.MerchantId;
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

    PreparedStatement streaming(String sql) throws SQLException {
        return ReportSql.streaming(connection, sql, mySql);
    }

    /**
     * A streamed statement over this merchant's period (merchant, start and end bound first), narrowed to the
     * requested store where the query carries the store marker.
     */
    PreparedStatement streamingInPeriodAndStore(String sql) throws SQLException {
        Long store = request.storeId();
        PreparedStatement ps = streaming(sql.replace("/*store*/", store == null ? "" : "AND p.store_id = ?"));
        try {
            bindMerchantAndPeriod(ps, 1);
            if (store != null) {
                ps.setLong(4, store);
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    /** Binds merchant, period start and period end at the given positions (the common head of every report query). */
    void bindMerchantAndPeriod(PreparedStatement ps, int merchantIndex) throws SQLException {
        ps.setLong(merchantIndex, merchant().value());
        ps.setTimestamp(merchantIndex + 1, Timestamp.valueOf(request.period().start()));
        ps.setTimestamp(merchantIndex + 2, Timestamp.valueOf(request.period().end()));
    }
}
