package io.loyaltyhub.hub.reports;

import io.loyaltyhub.hub.http.ProblemResponses;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** The merchant API: report downloads and their audit trail, each under the calling merchant's credential. */
final class MerchantHttpRoutes extends EndpointRouteBuilder {
    private final ReportDownloadProcessor reports;
    private final ReportListProcessor reportList;
    private final DownloadsListProcessor downloads;

    MerchantHttpRoutes(ReportDownloadProcessor reports, ReportListProcessor reportList, DownloadsListProcessor downloads) {
        this.reports = reports;
        this.reportList = reportList;
        this.downloads = downloads;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.ERROR, "merchant request failed: ${exception.message}")
                .process(e -> ProblemResponses.answer(e, 500, "internal-error", "unexpected error"));

        // No body handler anywhere: a GET has no body to read, and none is read before the merchant is authenticated.
        // No stream caching: the body is the live report pipe and must reach the client as it is written.
        from(platformHttp("/merchant/v1/reports/{name}").httpMethodRestrict("GET").advanced().useBodyHandler(false))
                .routeId("merchant-report-download")
                .streamCache("false")
                .process(reports);

        from(platformHttp("/merchant/v1/reports").httpMethodRestrict("GET").advanced().useBodyHandler(false))
                .routeId("merchant-report-list")
                .process(reportList);

        from(platformHttp("/merchant/v1/report-downloads").httpMethodRestrict("GET").advanced().useBodyHandler(false))
                .routeId("merchant-report-downloads")
                .process(downloads);

        from(platformHttp("/merchant/v1/report-downloads/{id}").httpMethodRestrict("GET").advanced().useBodyHandler(false))
                .routeId("merchant-report-download-entry")
                .process(downloads);
    }
}
