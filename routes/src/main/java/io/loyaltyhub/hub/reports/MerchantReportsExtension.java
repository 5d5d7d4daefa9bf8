package io.loyaltyhub.hub.reports;

import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.merchant.MerchantCredentials;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.report.CustomerPseudonyms;
import io.loyaltyhub.domain.report.MerchantReports;
import io.loyaltyhub.domain.report.ReportDownloads;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.ChannelPorts;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.domain.crypto.KeyDerivation;
import io.loyaltyhub.hub.http.VerificationSlots;
import io.loyaltyhub.hub.pgp.MerchantPgpKeys;
import io.loyaltyhub.hub.pgp.OpenPgpReportSink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.RoutesBuilder;

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
    public void checkSettings(HubSettings settings) {
        MerchantReportsSettings.from(settings);
    }

    @Override
    public List<RoutesBuilder> routes(ChannelPorts ports) {
        MerchantReportsSettings settings = MerchantReportsSettings.from(ports.settings());
        Clock clock = ports.clock();
        IdGenerator ids = ports.ids(); // the hub's one generator: nothing else in this process makes the same id
        credentials = new MerchantCredentials(ports.database(), ids, clock, Argon2idHasher.recommended(),
                settings.credentialCache(), settings.credentialCacheEntries());
        downloads = new ReportDownloads(ports.database(), ids, clock);
        MerchantReports reports = new MerchantReports(ports.database(),
                new CustomerPseudonyms(KeyDerivation.derive(ports.keys().derivationSecret(), "report-pseudonyms", 32)),
                ports.memberContacts(), new OpenPgpReportSink(new MerchantPgpKeys(ports.database(), clock)),
                downloads, clock);
        loginSlots = new VerificationSlots(settings.concurrentLogins(), LOGIN_SLOT_WAIT);
        MerchantAuthenticator authenticator = new MerchantAuthenticator(credentials, ports.loginThrottle(), loginSlots);
        return List.of(new MerchantHttpRoutes(
                writers -> new ReportDownloadProcessor(authenticator, reports, writers, settings.stallTimeout()),
                settings.concurrentDownloads(),
                new ReportListProcessor(authenticator),
                new DownloadsListProcessor(authenticator, downloads)));
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
