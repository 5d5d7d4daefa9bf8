package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.earn.Tiers;
import io.loyaltyhub.domain.expiry.PointsExpiry;
import io.loyaltyhub.domain.jobs.JobRuns;
import io.loyaltyhub.domain.admin.OperatorDirectory;
import io.loyaltyhub.domain.admin.ReferenceConflicts;
import io.loyaltyhub.domain.admin.TransactionLimitSettings;
import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.earn.BaseEarnRates;
import io.loyaltyhub.domain.earn.CampaignEnding;
import io.loyaltyhub.domain.earn.Campaigns;
import io.loyaltyhub.domain.earn.EarnRateSchedule;
import io.loyaltyhub.domain.household.BlockedCards;
import io.loyaltyhub.domain.household.CardLifecycle;
import io.loyaltyhub.domain.merchant.MerchantCredentials;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.portal.OperatorSessions;
import io.loyaltyhub.domain.portal.OperatorUsers;
import io.loyaltyhub.hub.ChannelPorts;
import io.loyaltyhub.hub.http.VerificationSlots;
import java.time.Duration;

/**
 * The operator console (docs/portal.md), put together from the operator's own services: {@link CoalitionAdmin} for
 * merchants, stores, terminals and card ranges, the earn-rule services the CLI uses, {@link CardLifecycle} for blocking (as /operator/v1 does), the limit refusals and
 * reference conflicts the hub keeps, and this node's health and meters.
 */
final class OperatorConsole {
    private final OperatorUsers users;
    private final OperatorConsoleRoutes routes;

    OperatorConsole(ChannelPorts ports, PortalSettings settings, PortalPages pages, IdGenerator ids,
                    VerificationSlots slots) {
        Database database = ports.database();
        users = new OperatorUsers(database, ids, ports.clock(), Argon2idHasher.recommended());
        OperatorSessionGate gate = new OperatorSessionGate(OperatorSessions.store(database, users, ports.clock(),
                settings.sessionIdle(), settings.sessionMaxAge()));
        OperatorConsolePages console = new OperatorConsolePages(pages, gate, settings.secureCookies());
        OperatorSignIn signIn = new OperatorSignIn(pages, users, gate, ports.loginThrottle(), slots, settings.secureCookies());
        CoalitionAdmin admin = new CoalitionAdmin(database, ids, ports.clock());
        // No cache of its own: the console verifies no credential; it issues and revokes them.
        MerchantCredentials credentials = new MerchantCredentials(database, ids, ports.clock(),
                Argon2idHasher.recommended(), Duration.ZERO, 1);
        routes = new OperatorConsoleRoutes(new OperatorConsoleRoutes.ConsoleSteps(signIn.signIn(), signIn.signOut(),
                new OperatorOverview(console, new OperatorDirectory(database), ports.vitals(), new JobRuns(database)),
                new OperatorMerchantPage(console, new OperatorDirectory(database), admin, new TransactionLimitSettings(database, ids, ports.clock()),
                        new ReferenceConflicts(database), credentials),
                new OperatorCardsPage(console, admin, ports.cardReader(), new CardLifecycle(database, ids, ports.clock()),
                        new BlockedCards(database)),
                new OperatorMerchantsPage(console, new OperatorDirectory(database), admin, credentials),
                new OperatorEarnRulesPage(console, new OperatorDirectory(database), new BaseEarnRates(database),
                        new EarnRateSchedule(database, ids, ports.clock()), new Campaigns(database, ids, ports.clock()),
                        new CampaignEnding(database, ports.clock()), ports.clock()),
                new OperatorProgrammePage(console, new Tiers(database, ports.clock()),
                        new PointsExpiry(database, ids, ports.clock()))));
    }

    OperatorUsers users() {
        return users;
    }

    OperatorConsoleRoutes routes() {
        return routes;
    }
}
