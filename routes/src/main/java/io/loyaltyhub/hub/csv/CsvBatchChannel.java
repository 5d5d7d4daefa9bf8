package io.loyaltyhub.hub.csv;

import io.loyaltyhub.adapters.csv.CsvBatchProcessor;
import io.loyaltyhub.adapters.csv.CsvLineMapper;
import io.loyaltyhub.domain.txn.BatchFileClaims;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.ChannelPorts;
import io.loyaltyhub.hub.config.HubSettings;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * The end-of-day CSV batch channel: files dropped into DATA/csv/inbox/MERCHANT/ (or pulled over SFTP when
 * hub.csv.source-uri says so; DATA is hub.inbox.dir when set), one result file per input file. Layout in docs/csv.md.
 */
public final class CsvBatchChannel implements HubExtension {

    public static final String ROUTE_ID = "csv-batch-inbox";
    /** The registry name of the channel's {@link InboxClaims}, for a configured source URI's idempotentRepository. */
    public static final String CLAIMS_BEAN = "csvInboxClaims";

    @Override
    public void checkSettings(HubSettings settings) {
        CsvChannelSettings.from(settings);
    }

    @Override
    public List<RoutesBuilder> routes(ChannelPorts ports) {
        CsvChannelSettings settings = CsvChannelSettings.from(ports.settings());
        InboxSettings files = InboxSettings.from(ports.settings());
        Path root = files.dir().resolve("csv");
        CsvBatchProcessor processor = new CsvBatchProcessor(new CsvLineMapper(ports.terminals(), ports.cardReader()),
                ports.intake()::submitAll, settings.window(), settings.answerTimeout());
        MerchantInboxProcessor inbox = new MerchantInboxProcessor(new CsvBatchFileHandler(processor),
                ports.merchantByCode(), new ProcessedFiles(ports.database(), ports.clock()), root.resolve("work"));
        InboxClaims claims = new InboxClaims("CSV", new BatchFileClaims(ports.database()), files.nodeId(), files.claimLease(),
                ports.clock());
        return List.of(new MerchantInboxRoutes(ROUTE_ID, InboxUris.source(settings.sourceUri(), root, "csv", CLAIMS_BEAN),
                InboxUris.result(settings.resultUri(), root), inbox, CLAIMS_BEAN, claims));
    }
}
