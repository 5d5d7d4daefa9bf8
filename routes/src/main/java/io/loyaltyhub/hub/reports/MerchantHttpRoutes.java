package io.loyaltyhub.hub.reports;

import io.loyaltyhub.hub.http.HttpProblems;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** The merchant API: report downloads and their audit trail, each under the calling merchant's credential. */
final class MerchantHttpRoutes extends EndpointRouteBuilder {
    private final Function<ExecutorService, ReportDownloadProcessor> reportsWrittenBy;
    private final int concurrentDownloads;
    private final ReportListProcessor reportList;
    private final DownloadsListProcessor downloads;

    /**
     * @param reportsWrittenBy the download step, given the pool of report writers (made here, from the CamelContext,
     *     so that it stops with the routes)
     * @param concurrentDownloads how many reports are written at once; one more is told to come back (503)
     */
    MerchantHttpRoutes(Function<ExecutorService, ReportDownloadProcessor> reportsWrittenBy, int concurrentDownloads,
                       ReportListProcessor reportList, DownloadsListProcessor downloads) {
        this.reportsWrittenBy = reportsWrittenBy;
        this.concurrentDownloads = concurrentDownloads;
        this.reportList = reportList;
        this.downloads = downloads;
    }

    @Override
    public void configure() {
        ExecutorService writers = getContext().getExecutorServiceManager().newThreadPool(this, "merchant-report-writers",
                new ThreadPoolProfileBuilder("merchant-report-writers").poolSize(concurrentDownloads)
                        .maxPoolSize(concurrentDownloads).maxQueueSize(0).rejectedPolicy(ThreadPoolRejectedPolicy.Abort).build());
        ReportDownloadProcessor reports = reportsWrittenBy.apply(writers);

        // No body handler anywhere: a GET has no body to read, and none is read before the merchant is authenticated.
        // No stream caching: the body is the live report pipe and must reach the client as it is written.
        from(platformHttp("/merchant/v1/reports/{name}").httpMethodRestrict("GET").advanced().useBodyHandler(false))
                .routeId("merchant-report-download")
                .routeConfigurationId(HttpProblems.ID)
                .streamCache("false")
                .process(reports);

        from(platformHttp("/merchant/v1/reports").httpMethodRestrict("GET").advanced().useBodyHandler(false))
                .routeId("merchant-report-list")
                .routeConfigurationId(HttpProblems.ID)
                .process(reportList);

        from(platformHttp("/merchant/v1/report-downloads").httpMethodRestrict("GET").advanced().useBodyHandler(false))
                .routeId("merchant-report-downloads")
                .routeConfigurationId(HttpProblems.ID)
                .process(downloads);

        from(platformHttp("/merchant/v1/report-downloads/{id}").httpMethodRestrict("GET").advanced().useBodyHandler(false))
                .routeId("merchant-report-download-entry")
                .routeConfigurationId(HttpProblems.ID)
                .process(downloads);
    }
}
