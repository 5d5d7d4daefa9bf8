package io.loyaltyhub.domain.report;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** One row per customer who bought here in the period: visits, spend, points, RFM scores and segment. */
final class CustomersReport implements Report {
    @Override
    public String name() {
        return "customers";
    }

    @Override
    public List<String> columns() {
        return List.of("customer", "first_purchase", "last_purchase", "visits", "spend", "average_basket", "points",
                "days_since_last", "r", "f", "m", "segment", "name", "email", "phone");
    }

    @Override
    public Set<String> parameters() {
        return Set.of();
    }

    @Override
    public long write(ReportRun run) throws SQLException, IOException {
        ContactBatch batch = new ContactBatch(run);
        long[] rows = {0};
        CustomerAggregates.forEach(run, c -> {
            batch.add(c.accountId(), run.pseudonyms().of(c.accountId()), Cells.utc(c.firstAt()), Cells.utc(c.lastAt()),
                    c.visits(), c.spend(), c.averageBasket(), c.points(), c.daysSinceLast(run.request().period().lastDay()),
                    c.r(), c.f(), c.m(), c.segment().label());
            rows[0]++;
        });
        batch.flush();
        return rows[0];
    }
}
