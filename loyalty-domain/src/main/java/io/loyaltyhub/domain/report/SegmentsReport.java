package io.loyaltyhub.domain.report;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Customers, spend and shares per RFM segment (every segment listed, in a fixed order), then a last row
 * "top 20%": the best-spending fifth of customers (rounded up) and their share of revenue.
 */
final class SegmentsReport implements Report {
    @Override
    public String name() {
        return "segments";
    }

    @Override
    public List<String> columns() {
        return List.of("segment", "customers", "customers_share", "spend", "spend_share");
    }

    @Override
    public Set<String> parameters() {
        return Set.of();
    }

    @Override
    public long write(ReportRun run) throws SQLException, IOException {
        Rfm.Segment[] segments = Rfm.Segment.values();
        long[] customers = new long[segments.length];
        long[] spend = new long[segments.length];
        long[] totals = new long[2]; // customers, spend
        long[] topSpend = {0};
        // Customers arrive best spender first, so the top fifth is the first ceil(n/5) rows.
        CustomerAggregates.forEach(run, c -> {
            int s = c.segment().ordinal();
            customers[s]++;
            spend[s] += c.spend();
            totals[0]++;
            totals[1] += c.spend();
            if (totals[0] <= topFifth(c.cohort())) {
                topSpend[0] += c.spend();
            }
        });
        for (int i = 0; i < segments.length; i++) {
            run.out().row(segments[i].label(), customers[i], Cells.percent(customers[i], totals[0]), spend[i],
                    Cells.percent(spend[i], totals[1]));
        }
        long top = topFifth(totals[0]);
        run.out().row("top 20%", top, Cells.percent(top, totals[0]), topSpend[0], Cells.percent(topSpend[0], totals[1]));
        return segments.length + 1L;
    }

    private static long topFifth(long customers) {
        return (customers + 4) / 5;
    }
}
