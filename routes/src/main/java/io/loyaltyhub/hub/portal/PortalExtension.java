package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.admin.OperatorDirectory;
import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.crypto.KeyDerivation;
import io.loyaltyhub.domain.earn.MerchantCampaigns;
import io.loyaltyhub.domain.household.Households;
import io.loyaltyhub.domain.member.CardAccounts;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.portal.MemberHistory;
import io.loyaltyhub.domain.portal.MemberPins;
import io.loyaltyhub.domain.portal.MemberSessions;
import io.loyaltyhub.domain.portal.MerchantUserSessions;
import io.loyaltyhub.domain.portal.MerchantUsers;
import io.loyaltyhub.domain.portal.OperatorUsers;
import io.loyaltyhub.domain.report.CustomerPseudonyms;
import io.loyaltyhub.domain.report.MerchantReports;
import io.loyaltyhub.domain.report.ReportDownloads;
import io.loyaltyhub.domain.report.ReportSink;
import io.loyaltyhub.domain.reward.MerchantGifts;
import io.loyaltyhub.domain.reward.RewardCatalogue;
import io.loyaltyhub.hub.ChannelPorts;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.http.VerificationSlots;
import io.loyaltyhub.hub.pgp.MerchantPgpKeys;
import io.loyaltyhub.hub.pgp.OpenPgpReportSink;
import io.loyaltyhub.hub.reports.ReportDownloadProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * The merchant portal (docs/portal.md), served by the hub itself under /portal: merchant users sign in, see charts of
 * their own merchant's reports and browse and download the lists. Everything is scoped to the session's merchant,
 * through the same report code as the /merchant/v1 API.
 */
public final class PortalExtension implements HubExtension {
    /** How long a sign-in waits for an Argon2id verification slot before it is told to come back (503). */
    static final Duration SIGN_IN_SLOT_WAIT = Duration.ofSeconds(2);

    private MerchantUsers users;
    private MemberPins pins;
    private OperatorUsers operatorUsers;

    @Override
    public void checkSettings(HubSettings settings) {
        PortalSettings.from(settings);
    }

    @Override
    public List<RoutesBuilder> routes(ChannelPorts ports) {
        PortalSettings settings = PortalSettings.from(ports.settings());
        Clock clock = ports.clock();
        IdGenerator ids = ports.ids(); // the hub's one generator: nothing else in this process makes the same id
        users = new MerchantUsers(ports.database(), ids, clock, Argon2idHasher.recommended());
        MerchantUserSessions sessions = new MerchantUserSessions(ports.database(), ids, clock, users,
                settings.sessionIdle(), settings.sessionMaxAge());
        MerchantSessionGate gate = new MerchantSessionGate(sessions);
        PortalPages pages = new PortalPages();
        CustomerPseudonyms pseudonyms = new CustomerPseudonyms(
                KeyDerivation.derive(ports.keys().derivationSecret(), "report-pseudonyms", 32));
        ReportDownloads downloads = new ReportDownloads(ports.database(), ids, clock);
        // Downloads leave as they do from the API: encrypted to the merchant's OpenPGP key when it has one. Chart data
        // is read by the hub itself and shown to the signed-in merchant, so it is not wrapped.
        MerchantReports files = new MerchantReports(ports.database(), pseudonyms, ports.memberContacts(),
                new OpenPgpReportSink(new MerchantPgpKeys(ports.database(), clock)), downloads, clock);
        MerchantReports chartReports = new MerchantReports(ports.database(), pseudonyms, ports.memberContacts(),
                ReportSink.passThrough(), downloads, clock);
        VerificationSlots slots = new VerificationSlots(1, SIGN_IN_SLOT_WAIT);
        pins = new MemberPins(ports.database(), clock, Argon2idHasher.recommended());
        MemberPortal members = new MemberPortal(pages, ports.cardReader(), new CardAccounts(ports.database()), pins,
                new MemberSessions(ports.database(), clock, settings.sessionIdle(), settings.sessionMaxAge()), new MemberHistory(ports.database()),
                new Households(ports.database(), ids, clock), new RewardCatalogue(ports.database(), ids, clock), clock,
                ports.loginThrottle(), slots, settings.secureCookies(), new RewardPlaces(new OperatorDirectory(ports.database())));
        OperatorConsole console = new OperatorConsole(ports, settings, pages, ids, slots);
        operatorUsers = console.users();
        MerchantPortalPages merchantPages = new MerchantPortalPages(pages, settings.secureCookies());
        MerchantRewardsPage rewards = new MerchantRewardsPage(merchantPages, gate,
                new MerchantGifts(ports.database(), ids, clock), new MerchantCampaigns(ports.database(), ids, clock), clock);
        return List.of(console.routes(), new MerchantRewardsRoutes(rewards), new PortalRoutes(new PortalRoutes.PortalEndpoints(
                new PortalAssets(),
                new PortalSignIn<>(pages, new MerchantSignIn(users, sessions, ports.merchantByCode()),
                        ports.loginThrottle(), slots, settings.secureCookies()),
                new MerchantSignOut(gate, sessions, settings.secureCookies()),
                new MerchantDashboard(merchantPages, gate, clock),
                new MerchantChartsApi(gate, new DashboardCharts(chartReports)),
                writers -> new ReportDownloadProcessor(gate, files, writers, settings.stallTimeout()),
                settings.concurrentDownloads(),
                members.signIn(), members.page(), members.signOut(),
                new MerchantStatementsPage(merchantPages, gate, chartReports))));
    }

    /** Members' PINs for the member page (the demo gives its demo card one). */
    public MemberPins memberPins() {
        if (pins == null) {
            throw new IllegalStateException("the portal has not been started");
        }
        return pins;
    }

    /** The operator console's users of the running hub (the demo makes one). */
    public OperatorUsers operatorUsers() {
        if (operatorUsers == null) {
            throw new IllegalStateException("the portal has not been started");
        }
        return operatorUsers;
    }

    /** The merchant users of the running hub (the demo makes one per demo merchant). */
    public MerchantUsers users() {
        if (users == null) {
            throw new IllegalStateException("the portal has not been started");
        }
        return users;
    }
}
