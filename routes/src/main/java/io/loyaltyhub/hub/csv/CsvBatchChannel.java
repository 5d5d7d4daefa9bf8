package io.loyaltyhub.hub.csv;

import io.loyaltyhub.adapters.csv.CsvBatchProcessor;
import io.loyaltyhub.adapters.csv.CsvLineMapper;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.ChannelPorts;
import io.loyaltyhub.hub.config.HubSettings;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * The end-of-day CSV batch channel: files dropped into DATA/csv/inbox/MERCHANT/ (or pulled over SFTP when
 * hub.csv.source-uri says so), one result file per input file. Layout in docs/csv.md.
 */
public final class CsvBatchChannel implements HubExtension {

    public static final String ROUTE_ID = "csv-batch-inbox";

    @Override
    public List<RoutesBuilder> routes(ChannelPorts ports) {
        HubSettings settings = ports.settings();
        Path root = settings.dataDir().resolve("csv");
        CsvBatchProcessor processor = new CsvBatchProcessor(new CsvLineMapper(ports.terminals(), ports.cardReader()),
                ports.intake()::submit, settings.integer("hub.csv.window"), settings.millis("hub.csv.answer-timeout-ms"));
        MerchantInboxProcessor inbox = new MerchantInboxProcessor(new CsvBatchFileHandler(processor),
                ports.merchantByCode(), new ProcessedFiles(ports.database(), ports.clock()), root.resolve("work"));
        return List.of(new MerchantInboxRoutes(ROUTE_ID, InboxUris.source(settings.text("hub.csv.source-uri"), root, "csv"),
                InboxUris.result(settings.text("hub.csv.result-uri"), root), inbox));
    }
}
