package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.member.MemberContacts;
import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.persistence.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Merchants' reports on their own customers. A download is prepared first (parameters checked, store resolved
 * for this merchant: every rejection happens before a byte is sent), then written: audited, formatted, passed
 * through the {@link ReportSink} and streamed from the database with flat memory.
 */
public final class MerchantReports {
    private static final Map<String, Report> REPORTS = List.of(new CustomersReport(), new PurchasesReport(),
                    new LapsedReport(), new SegmentsReport(), new DailyReport(), new PointsReport(), new StatementsReport(),
                    new StatementEntriesReport(), new InclusionProofReport(), new RewardsReport()).stream()
            .collect(Collectors.toMap(Report::name, r -> r, (a, b) -> a, LinkedHashMap::new));

    private final Database database;
    private final CustomerPseudonyms pseudonyms;
    private final MemberContacts contacts;
    private final ReportSink sink;
    private final ReportDownloads downloads;
    private final Clock clock;
    private final ReportRequests requests;

    public MerchantReports(Database database, CustomerPseudonyms pseudonyms, MemberContacts contacts, ReportSink sink,
                           ReportDownloads downloads, Clock clock) {
        this.database = database;
        this.pseudonyms = pseudonyms;
        this.contacts = contacts;
        this.sink = sink;
        this.downloads = downloads;
        this.clock = clock;
        this.requests = new ReportRequests(database);
    }

    public static Set<String> names() {
        return REPORTS.keySet();
    }

    public PreparedReport prepare(MerchantPrincipal who, String name, Map<String, String> parameters) {
        Report report = REPORTS.get(name);
        if (report == null) {
            throw new ReportRejected(ReportRejected.Kind.NOT_FOUND, "unknown-report",
                    "no report named '" + name + "'; reports: " + String.join(", ", names()));
        }
        ReportRequest request = requests.parse(who, report, parameters, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        return new PreparedReport(report, request, sink.deliveryFor(request.merchant()));
    }

    /** A checked report request, ready to be written once. */
    public final class PreparedReport {
        private final Report report;
        private final ReportRequest request;
        private final ReportSink.Delivery delivery;

        private PreparedReport(Report report, ReportRequest request, ReportSink.Delivery delivery) {
            this.report = report;
            this.request = request;
            this.delivery = delivery;
        }

        public ReportRequest request() {
            return request;
        }

        /** The name the merchant's file gets: the formatted report's, plus the sink's suffix (".pgp") when wrapped. */
        public String fileName() {
            return formattedFileName() + delivery.fileSuffix();
        }

        /** The media type of what is sent: the format's, or the sink's when wrapped. */
        public String contentType() {
            return delivery.wrapped() ? delivery.mediaType() : request.format().contentType();
        }

        /** True when the sink wraps the bytes (encrypts them): they must then not be compressed again. */
        public boolean wrapped() {
            return delivery.wrapped();
        }

        private String formattedFileName() {
            return report.name() + "-" + request.period().from() + "-" + request.period().to() + "."
                    + request.format().extension();
        }

        /**
         * Writes the report to {@code raw} and closes it, returning the number of rows. On failure {@code raw} is
         * left open and the exception thrown, so that the caller can abort the transfer instead of ending it as if
         * it were complete. Either way the download is audited.
         */
        public long writeTo(OutputStream raw) throws IOException {
            String parameters = request.parameters().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
            long id = downloads.started(request.who(), report.name(), parameters, request.format().name().toLowerCase());
            CountingRowWriter out = null;
            OutputStream stream = null;
            boolean completed = false;
            try (ReportConnection rc = new ReportConnection(database)) {
                stream = delivery.wrapper().open(formattedFileName(), raw);
                out = new CountingRowWriter(request.format().writerTo(stream));
                out.header(report.columns());
                report.write(new ReportRun(request, rc.connection(), rc.isMySql(),
                        pseudonyms.forMerchant(request.merchant()), contacts, out));
                out.finish();
                completed = true;
            } catch (SQLException e) {
                throw new IOException("report " + report.name() + " failed: " + e.getMessage(), e);
            } finally {
                // Audited before the stream ends, so a client that has the whole report also finds it audited.
                downloads.finished(request.merchant(), id, completed, out == null ? 0 : out.rows());
            }
            try {
                stream.close();
            } catch (IOException e) {
                downloads.finished(request.merchant(), id, false, out.rows());
                throw e;
            }
            return out.rows();
        }
    }
}
