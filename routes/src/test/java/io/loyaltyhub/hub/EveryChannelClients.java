package io.loyaltyhub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.adapters.csv.CsvBatchFileWriter;
import io.loyaltyhub.adapters.csv.CsvBatchLayout;
import io.loyaltyhub.adapters.iso8583.Framing;
import io.loyaltyhub.adapters.iso8583.Iso8583Client;
import io.loyaltyhub.adapters.poslog.PosLogClient;
import io.loyaltyhub.adapters.simulator.BrokerTill;
import io.loyaltyhub.hub.iso8583.Iso8583Extension;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The tills of the "on every channel" tests, talking to one hub from outside: ISO 8583 over TCP, STOMP to the
 * hub's broker, a CSV file dropped in the inbox (and its result file read back), a POSLog document over HTTP.
 */
record EveryChannelClients(HubFixture fixture, Iso8583Extension iso8583, Duration patience) {

    Iso8583Client connect() throws Exception {
        return Iso8583Client.connect("127.0.0.1", iso8583.listeningPort(Framing.BINARY_2), Framing.BINARY_2, patience, null);
    }

    BrokerTill stomp(HubFixture.Merchant shop) throws Exception {
        return BrokerTill.open("stomp", "127.0.0.1", fixture.hub().stompPort(), shop.code(),
                "T1", shop.till().credentialId(), shop.till().secret());
    }

    /** Drops a CSV file with these lines under the documented header; the lines of its result file. */
    List<String> dropCsv(HubFixture.Merchant shop, String name, String lines) throws Exception {
        Path csv = fixture.dataDir().resolve("csv");
        CsvBatchFileWriter.drop(csv.resolve("inbox").resolve(shop.code()), name,
                new ByteArrayInputStream((CsvBatchLayout.HEADER + "\n" + lines).getBytes(StandardCharsets.UTF_8)));
        Path result = csv.resolve("results").resolve(shop.code()).resolve(name + ".result.csv");
        await().atMost(patience).until(() -> Files.exists(result));
        return Files.readAllLines(result, StandardCharsets.UTF_8);
    }

    static String posLogSale(String id, String card, String amount, OffsetDateTime at) {
        return "<Transaction><BusinessUnit><UnitID TypeCode=\"RetailStore\">S1</UnitID></BusinessUnit>"
                + "<WorkstationID>T1</WorkstationID><SequenceNumber>1</SequenceNumber><TransactionID>" + id + "</TransactionID>"
                + "<EndDateTime>" + at.truncatedTo(ChronoUnit.SECONDS) + "</EndDateTime><CurrencyCode>EUR</CurrencyCode>"
                + "<RetailTransaction TransactionStatus=\"Finished\">"
                + "<Total TotalType=\"TransactionGrandAmount\">" + amount + "</Total>"
                + "<LoyaltyAccount><LoyaltyCard><PrimaryAccountNumber>" + card + "</PrimaryAccountNumber></LoyaltyCard>"
                + "</LoyaltyAccount></RetailTransaction></Transaction>";
    }

    /** Posts these transactions as one POSLog document; the answer, which must be 200. */
    PosLogClient.Response postPosLog(HubFixture.Merchant shop, String transactions) throws Exception {
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><POSLog xmlns=\"http://www.nrf-arts.org/IXRetail/v6.0.0/poslog\" "
                + "MajorVersion=\"6\" MinorVersion=\"0\" FixVersion=\"0\">" + transactions + "</POSLog>";
        PosLogClient.Response response = new PosLogClient(URI.create(fixture.baseUrl()), shop.till().credentialId(),
                shop.till().secret(), patience).post(document.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }
}
