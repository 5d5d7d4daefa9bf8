package io.loyaltyhub.hub.csv;

import io.loyaltyhub.adapters.csv.CsvBatchProcessor;
import io.loyaltyhub.adapters.csv.CsvLineMapper;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.LoyaltyHub;
import io.loyaltyhub.hub.config.HubSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * The end-of-day CSV batch channel: files dropped into DATA/csv/inbox/MERCHANT/ (or pulled over SFTP when
 * hub.csv.source-uri says so), one result file per input file. Layout in docs/csv.md.
 */
public final class CsvBatchChannel implements HubExtension {

    public static final String ROUTE_ID = "csv-batch-inbox";

    @Override
    public List<RoutesBuilder> routes(LoyaltyHub hub) {
        HubSettings settings = hub.settings();
        Path root = settings.dataDir().resolve("csv");
        CsvBatchProcessor processor = new CsvBatchProcessor(new CsvLineMapper(hub.terminals(), hub.cardReader()),
                hub.gateway()::submit, settings.integer("hub.csv.window"), settings.millis("hub.csv.answer-timeout-ms"));
        MerchantInboxProcessor inbox = new MerchantInboxProcessor(new CsvBatchFileHandler(processor),
                hub.admin()::findMerchantByCode, new ProcessedFiles(hub.database(), Clock.systemUTC()), root.resolve("work"));
        return List.of(new MerchantInboxRoutes(ROUTE_ID, InboxUris.source(settings.text("hub.csv.source-uri"), root, "csv"),
                InboxUris.result(settings.text("hub.csv.result-uri"), root), inbox));
    }
}
