package io.loyaltyhub.hub.poslog;

import io.loyaltyhub.adapters.poslog.PosLogIntake;
import io.loyaltyhub.adapters.poslog.PosLogMapper;
import io.loyaltyhub.adapters.poslog.PosLogReader;
import io.loyaltyhub.domain.txn.BatchFileClaims;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.ChannelPorts;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.csv.InboxClaims;
import io.loyaltyhub.hub.csv.InboxSettings;
import io.loyaltyhub.hub.csv.InboxUris;
import io.loyaltyhub.hub.csv.MerchantInboxProcessor;
import io.loyaltyhub.hub.csv.MerchantInboxRoutes;
import io.loyaltyhub.hub.csv.ProcessedFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * The ARTS POSLog channel: documents POSTed to /pos/v1/poslog by a store back office, and POSLog files dropped
 * into DATA/poslog/inbox/MERCHANT/ (or pulled over SFTP when hub.poslog.source-uri says so). Both use one intake.
 * Documented in docs/poslog.md.
 */
public final class PosLogChannel implements HubExtension {

    public static final String FILE_ROUTE_ID = "poslog-file-inbox";
    /** The registry name of the channel's {@link InboxClaims}, for a configured source URI's idempotentRepository. */
    public static final String CLAIMS_BEAN = "poslogInboxClaims";

    @Override
    public void checkSettings(HubSettings settings) {
        PosLogChannelSettings.from(settings);
    }

    @Override
    public List<RoutesBuilder> routes(ChannelPorts ports) {
        PosLogChannelSettings settings = PosLogChannelSettings.from(ports.settings());
        PosLogIntake intake = new PosLogIntake(new PosLogReader(settings.limits()),
                new PosLogMapper(ports.terminals(), ports.cardReader(), settings.defaults()));
        Duration replyTimeout = settings.replyTimeout();

        InboxSettings files = InboxSettings.from(ports.settings());
        Path root = files.dir().resolve("poslog");
        InboxClaims claims = new InboxClaims("POSLOG", new BatchFileClaims(ports.database()), files.nodeId(),
                files.claimLease(), ports.clock());
        MerchantInboxProcessor inbox = new MerchantInboxProcessor(
                new PosLogFileHandler(intake, ports.intake(), replyTimeout),
                ports.merchantByCode(), new ProcessedFiles(ports.database(), ports.clock()), root.resolve("work"));
        return List.of(new PosLogHttpRoutes(ports.terminalAuthenticator(), ports.requestSignatures(), settings.limits().maxDocumentBytes(),
                        new PosLogDocuments(intake, ports.intake(), replyTimeout)),
                new MerchantInboxRoutes(FILE_ROUTE_ID, InboxUris.source(settings.sourceUri(), root, "xml", CLAIMS_BEAN),
                        InboxUris.result(settings.resultUri(), root), inbox, CLAIMS_BEAN, claims));
    }
}
