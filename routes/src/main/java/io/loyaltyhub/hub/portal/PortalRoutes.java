package io.loyaltyhub.hub.portal;

import io.loyaltyhub.hub.http.HttpProblems;
import io.loyaltyhub.hub.reports.ReportDownloadProcessor;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.apache.camel.Processor;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/** The portal's routes: pages, their assets, and the JSON and downloads behind them, each behind its session check. */
final class PortalRoutes extends EndpointRouteBuilder {
    private final PortalEndpoints endpoints;

    /** What each route runs; the download step is made here, with a pool that stops with the routes. */
    record PortalEndpoints(Processor assets, Processor signIn, Processor signOut, Processor dashboard, Processor charts,
                           Function<ExecutorService, ReportDownloadProcessor> downloads, int concurrentDownloads,
                           Processor memberSignIn, Processor memberPage, Processor memberSignOut, Processor statements) {
    }

    PortalRoutes(PortalEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public void configure() {
        ExecutorService writers = getContext().getExecutorServiceManager().newThreadPool(this, "portal-report-writers",
                new ThreadPoolProfileBuilder("portal-report-writers").poolSize(endpoints.concurrentDownloads())
                        .maxPoolSize(endpoints.concurrentDownloads()).maxQueueSize(0)
                        .rejectedPolicy(ThreadPoolRejectedPolicy.Abort).build());
        ReportDownloadProcessor downloads = endpoints.downloads().apply(writers);

        route("/portal/assets/{file}", "GET", "portal-assets", endpoints.assets());
        route(MerchantSignIn.PATH, "GET,POST", "portal-merchant-sign-in", endpoints.signIn());
        route(MerchantSignOut.PATH, "POST", "portal-merchant-sign-out", endpoints.signOut());
        route("/portal/merchant", "GET", "portal-merchant-dashboard-bare", endpoints.dashboard());
        route(MerchantDashboard.PATH, "GET", "portal-merchant-dashboard", endpoints.dashboard());
        route("/portal/merchant/api/charts/{name}", "GET", "portal-merchant-charts", endpoints.charts());
        route(MerchantStatementsPage.PATH, "GET", "portal-merchant-statements", endpoints.statements());
        route(MemberPortal.SIGN_IN, "GET,POST", "portal-member-sign-in", endpoints.memberSignIn());
        route("/portal/member", "GET", "portal-member-page-bare", endpoints.memberPage());
        route(MemberPortal.PAGE, "GET", "portal-member-page", endpoints.memberPage());
        route(MemberPortal.SIGN_OUT, "POST", "portal-member-sign-out", endpoints.memberSignOut());
        from(platformHttp("/portal/merchant/api/reports/{name}").httpMethodRestrict("GET").advanced().useBodyHandler(false))
                .routeId("portal-merchant-report-download")
                .routeConfigurationId(HttpProblems.ID)
                .streamCache("false")
                .process(downloads)
                .process(e -> SecurityHeaders.apply(e.getMessage(), false));
    }

    private void route(String path, String methods, String id, Processor step) {
        from(platformHttp(path).httpMethodRestrict(methods).advanced().useBodyHandler(false))
                .routeId(id)
                .routeConfigurationId(HttpProblems.ID)
                .process(step);
    }
}
