package io.loyaltyhub.hub.cli;

import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.broker.terminals.BrokerTerminalsExtension;
import io.loyaltyhub.hub.csv.CsvBatchChannel;
import io.loyaltyhub.hub.iso8583.Iso8583Extension;
import io.loyaltyhub.hub.jobs.DailyJobsExtension;
import io.loyaltyhub.hub.operator.OperatorApiExtension;
import io.loyaltyhub.hub.portal.PortalExtension;
import io.loyaltyhub.hub.poslog.PosLogChannel;
import io.loyaltyhub.hub.reports.MerchantReportsExtension;
import io.loyaltyhub.hub.webhook.WebhookChannel;
import java.util.List;

/** The channels the executable hub starts besides HTTP JSON, and its daily jobs. Each registers itself here. */
public final class HubExtensions {
    private HubExtensions() {
    }

    public static List<HubExtension> all() {
        return List.of(new Iso8583Extension(), new PosLogChannel(), new CsvBatchChannel(), new BrokerTerminalsExtension(),
                new MerchantReportsExtension(), new WebhookChannel(), new OperatorApiExtension(), new PortalExtension(),
                new DailyJobsExtension());
    }
}
