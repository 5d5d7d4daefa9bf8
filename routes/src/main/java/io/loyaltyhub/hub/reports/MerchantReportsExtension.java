package io.loyaltyhub.hub.reports;

import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.member.MemberContacts;
import io.loyaltyhub.domain.merchant.MerchantCredentials;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.report.CustomerPseudonyms;
import io.loyaltyhub.domain.report.MerchantReports;
import io.loyaltyhub.domain.report.ReportDownloads;
import io.loyaltyhub.domain.report.ReportSink;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.LoyaltyHub;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.http.VerificationSlots;
import io.loyaltyhub.hub.pgp.MerchantPgpKeys;
import io.loyaltyhub.hub.pgp.OpenPgpReportSink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.camel.builder.ThreadPoolProfileBuilder;

/**
 * Merchants' reports on their own customers (docs/reports.md): merchant credentials, the /merchant/v1 API,
 * streamed report downloads and their audit trail.
 */
public final class MerchantReportsExtension implements HubExtension {
    /** How long a login waits for an Argon2id verification slot before it is told to come back (503). */
    static final Duration LOGIN_SLOT_WAIT = Duration.ofSeconds(2);

    private MerchantCredentials credentials;
    private ReportDownloads downloads;
    private VerificationSlots loginSlots;

    @Override
    public List<RoutesBuilder> routes(LoyaltyHub hub) {
        HubSettings settings = hub.settings();
        Clock clock = Clock.systemUTC();
        // Its own id generator: it is the only writer of merchant_credential and report_download in this process
        // (operator commands use node + 512), so ids of these tables cannot collide.
        IdGenerator ids = new IdGenerator(settings.integer("hub.node-id"));
        credentials = new MerchantCredentials(hub.database(), ids, clock, Argon2idHasher.recommended(),
                Duration.ofSeconds(settings.integer("hub.reports.credential-cache-seconds")),
                settings.integer("hub.reports.credential-cache-entries"));
        downloads = new ReportDownloads(hub.database(), ids, clock);
        MerchantReports reports = new MerchantReports(hub.database(),
                new CustomerPseudonyms(hub.derivedKey("report-pseudonyms")), memberContacts(hub), reportSink(hub),
                downloads, clock);
        int concurrent = settings.integer("hub.reports.concurrent-downloads");
        ExecutorService writers = hub.camel().getExecutorServiceManager().newThreadPool(this, "merchant-report-writers",
                new ThreadPoolProfileBuilder("merchant-report-writers").poolSize(concurrent).maxPoolSize(concurrent)
                        .maxQueueSize(0).rejectedPolicy(ThreadPoolRejectedPolicy.Abort).build());
        loginSlots = new VerificationSlots(settings.integer("hub.reports.concurrent-logins"), LOGIN_SLOT_WAIT);
        MerchantAuthenticator authenticator = new MerchantAuthenticator(credentials, hub.loginThrottle(), loginSlots);
        return List.of(new MerchantHttpRoutes(
                new ReportDownloadProcessor(authenticator, reports, writers,
                        Duration.ofSeconds(settings.integer("hub.reports.stall-timeout-seconds"))),
                new ReportListProcessor(authenticator),
                new DownloadsListProcessor(authenticator, downloads)));
    }

    /**
     * Where reports get members' contact details: the hub's member directory, which decrypts them with the
     * merchant's own data key and only for members who consented to hear from that merchant.
     */
    static MemberContacts memberContacts(LoyaltyHub hub) {
        return hub.memberContacts();
    }

    /**
     * Reports of a merchant with a registered OpenPGP key (merchant-pgp-key) are encrypted to it; the others pass
     * through.
     */
    static ReportSink reportSink(LoyaltyHub hub) {
        return new OpenPgpReportSink(new MerchantPgpKeys(hub.database(), Clock.systemUTC()));
    }

    /** The merchant credentials of the running hub (the demo issues one per demo merchant). */
    public MerchantCredentials credentials() {
        if (credentials == null) {
            throw new IllegalStateException("the merchant reports extension has not been started");
        }
        return credentials;
    }

    /**
     * The Argon2id verification slots of report logins (bounded by hub.reports.concurrent-logins): how many ran at
     * once so far, and a way for tests to occupy one.
     */
    public VerificationSlots loginSlots() {
        if (loginSlots == null) {
            throw new IllegalStateException("the merchant reports extension has not been started");
        }
        return loginSlots;
    }

    public ReportDownloads downloads() {
        return downloads;
    }
}
