package io.loyaltyhub.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.adapters.csv.CsvBatchFileWriter;
import io.loyaltyhub.adapters.csv.CsvBatchRecord;
import io.loyaltyhub.adapters.simulator.HttpJsonTill;
import io.loyaltyhub.adapters.simulator.TestCards;
import io.loyaltyhub.domain.admin.TerminalCredential;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The queue-first channels under a sustained load, counted until every swipe is credited: a CSV end-of-day
 * file of N lines dropped into the merchant's inbox (timed from the moment it is in place until its result
 * file is written), and a broker-native till publishing N sales over MQTT at QoS 1 (timed from the first
 * publish until every sale has its answer; a "pending" reply does not count).
 */
final class QueueFirstLoad {
    record Result(double perSecond, long approved, long total) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueueFirstLoad() {
    }

    static Result csvFile(Path dataDir, TerminalCredential terminal, int lines, Duration patience) throws Exception {
        // Not digits alone: a run of 12+ digits in a file name is masked as a possible card number.
        String name = "bench-" + Long.toString(System.nanoTime(), 36) + ".csv";
        Path staging = Files.createTempDirectory("bench-csv");
        Path written = CsvBatchFileWriter.drop(staging, name, records(terminal.terminalCode(), lines));
        Path inbox = dataDir.resolve("csv").resolve("inbox").resolve(BenchCoalition.MERCHANT);
        Files.createDirectories(inbox);
        Path results = dataDir.resolve("csv").resolve("results").resolve(BenchCoalition.MERCHANT);
        long start = System.nanoTime();
        Files.move(written, inbox.resolve(name)); // same file system: the file appears complete, as a real drop does
        long deadline = start + patience.toNanos();
        Path result;
        while ((result = resultOf(results, name)) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no result file for " + name + " after " + patience);
            }
            Thread.sleep(20); // polling a folder for a file: the benchmark's measuring loop, not a test wait
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long approved = countApproved(result);
        return new Result(approved / seconds, approved, lines);
    }

    /** The result file of a dropped file ({@code <name>.result.csv}, docs/csv.md), or null while there is none. */
    private static Path resultOf(Path results, String name) throws java.io.IOException {
        if (!Files.isDirectory(results)) {
            return null;
        }
        try (var files = Files.list(results)) {
            return files.filter(f -> f.getFileName().toString().startsWith(name + ".")
                    && f.getFileName().toString().endsWith(".result.csv")).findFirst().orElse(null);
        }
    }

    private static Iterator<CsvBatchRecord> records(String terminalCode, int lines) {
        OffsetDateTime at = OffsetDateTime.now().minusDays(1);
        String prefix = "csv" + Long.toString(System.nanoTime(), 36);
        return new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return n < lines;
            }

            @Override
            public CsvBatchRecord next() {
                n++;
                return new CsvBatchRecord(BenchCoalition.STORE, terminalCode, prefix + "-" + n, "SALE", at,
                        TestCards.luhnCard("628000", 16, 1 + n % BenchCoalition.CARDS), 1999, "EUR", null);
            }
        };
    }

    private static long countApproved(Path result) throws Exception {
        try (BufferedReader in = Files.newBufferedReader(result, StandardCharsets.UTF_8)) {
            return in.lines().skip(1).filter(line -> line.contains(",approved,")).count();
        }
    }

    static Result mqtt(int port, TerminalCredential terminal, int messages, Duration patience) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + port, "bench-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(terminal.credentialId());
        options.setPassword(terminal.secret().toCharArray());
        options.setCleanSession(true);
        options.setMaxInflight(1_000);
        client.connect(options).waitForCompletion(10_000);
        try {
            AtomicLong approved = new AtomicLong();
            CountDownLatch replies = new CountDownLatch(messages);
            Set<String> answered = ConcurrentHashMap.newKeySet();
            String topic = "pos/%s/" + BenchCoalition.MERCHANT + "/" + terminal.terminalCode();
            client.subscribe(String.format(topic, "out"), 1, (t, message) -> {
                // A till that waited too long first gets "pending", then the answer: count each sale once, when answered.
                JsonNode reply = JSON.readTree(message.getPayload());
                String status = reply.path("status").asText();
                if (!status.equals("pending") && answered.add(reply.path("txnRef").asText())) {
                    if (status.equals("approved")) {
                        approved.incrementAndGet();
                    }
                    replies.countDown();
                }
            }).waitForCompletion(10_000);
            Semaphore inFlight = new Semaphore(1_000);
            IMqttActionListener release = new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    inFlight.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    inFlight.release();
                }
            };
            String prefix = "mqtt" + Long.toString(System.nanoTime(), 36);
            long start = System.nanoTime();
            for (int n = 1; n <= messages; n++) {
                String json = HttpJsonTill.sale(prefix + "-" + n, TestCards.luhnCard("628000", 16, 1 + n % BenchCoalition.CARDS),
                        1999, "EUR");
                MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                inFlight.acquire();
                client.publish(String.format(topic, "in"), message, null, release);
            }
            if (!replies.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException((messages - replies.getCount()) + " of " + messages + " MQTT replies after " + patience);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(approved.get() / seconds, approved.get(), messages);
        } finally {
            client.disconnect().waitForCompletion(10_000);
            client.close();
        }
    }
}
