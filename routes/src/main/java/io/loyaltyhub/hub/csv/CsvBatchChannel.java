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
    public void checkSettings(HubSettings settings) {
        CsvChannelSettings.from(settings);
    }

    @Override
    public List<RoutesBuilder> routes(ChannelPorts ports) {
        CsvChannelSettings settings = CsvChannelSettings.from(ports.settings());
        Path root = ports.settings().dataDir().resolve("csv");
        CsvBatchProcessor processor = new CsvBatchProcessor(new CsvLineMapper(ports.terminals(), ports.cardReader()),
                ports.intake()::submitAll, settings.window(), settings.answerTimeout());
        MerchantInboxProcessor inbox = new MerchantInboxProcessor(new CsvBatchFileHandler(processor),
                ports.merchantByCode(), new ProcessedFiles(ports.database(), ports.clock()), root.resolve("work"));
        return List.of(new MerchantInboxRoutes(ROUTE_ID, InboxUris.source(settings.sourceUri(), root, "csv"),
                InboxUris.result(settings.resultUri(), root), inbox));
    }
}
