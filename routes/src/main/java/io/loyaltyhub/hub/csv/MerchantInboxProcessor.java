package io.loyaltyhub.hub.csv;

import io.loyaltyhub.domain.model.MerchantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mechanics of a per-merchant inbox, shared by every file channel. The merchant is the folder the file
 * was dropped in (INBOX/MERCHANT/FILE), never anything in the file. A file already processed (same merchant,
 * name and SHA-256) is not processed again. The result is written to a work file first and handed on as the
 * message body, so a million-line result is never held in memory; the route then writes it to the result
 * endpoint and {@link #finish} records the file as processed.
 *
 * <p>The exchange property {@link #INBOX_FOLDER} says where the source file goes afterwards ("done" or "error");
 * the consumer's move option reads it.
 */
public final class MerchantInboxProcessor {

    public static final String INBOX_FOLDER = "loyaltyhubInboxFolder";
    private static final String FILE_KEY = "loyaltyhubFileKey";
    private static final String RECORDS = "loyaltyhubRecords";
    private static final String SOURCE_NAME = "loyaltyhubSourceName";
    private static final Logger log = LoggerFactory.getLogger(MerchantInboxProcessor.class);

    private final BatchFileHandler handler;
    private final Function<String, Optional<MerchantId>> merchantByFolder;
    private final ProcessedFiles processedFiles;
    private final Path workDir;

    public MerchantInboxProcessor(BatchFileHandler handler, Function<String, Optional<MerchantId>> merchantByFolder,
                                  ProcessedFiles processedFiles, Path workDir) {
        this.handler = handler;
        this.merchantByFolder = merchantByFolder;
        this.processedFiles = processedFiles;
        this.workDir = workDir;
    }

    /** Processes the dropped file; leaves its result file as the body, named for the result endpoint. */
    public void receive(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String relativeName = message.getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
        int slash = relativeName.indexOf('/');
        String folder = slash > 0 ? relativeName.substring(0, slash) : "";
        String fileName = relativeName.substring(slash + 1);
        Files.createDirectories(workDir);
        Path result = Files.createTempFile(workDir, "result-", "." + handler.resultExtension());
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                deleteQuietly(result);
            }
        });
        String resultName = relativeName + ".result." + handler.resultExtension();
        String outcome;
        try (OutputStream out = Files.newOutputStream(result)) {
            Optional<MerchantId> merchant = merchantByFolder.apply(folder);
            if (merchant.isEmpty()) {
                handler.writeFileRefusal("unknown-merchant", "the inbox folder '" + folder + "' is not a merchant code", out);
                outcome = "error";
            } else {
                ProcessedFiles.FileKey key = new ProcessedFiles.FileKey(merchant.get(), handler.channel(), fileName,
                        sha256(message));
                if (processedFiles.alreadyProcessed(key)) {
                    handler.writeFileRefusal("duplicate-file",
                            "a file with this name and content was already processed; nothing in it was credited again", out);
                    resultName = relativeName + ".duplicate.result." + handler.resultExtension();
                    outcome = "error";
                } else {
                    long records;
                    try (InputStream in = message.getMandatoryBody(InputStream.class)) {
                        records = handler.process(merchant.get(), in, out);
                    }
                    outcome = records < 0 ? "error" : "done";
                    if (records >= 0) {
                        exchange.setProperty(FILE_KEY, key);
                        exchange.setProperty(RECORDS, records);
                    }
                }
            }
        } catch (org.apache.camel.InvalidPayloadException e) {
            throw new IOException("the dropped file cannot be read", e);
        }
        log.info("{} file {} processed: moving it to {}/", handler.channel(), relativeName, outcome);
        exchange.setProperty(INBOX_FOLDER, outcome);
        exchange.setProperty(SOURCE_NAME, relativeName);
        message.setHeader(Exchange.FILE_NAME, resultName);
        message.setBody(result.toFile());
    }

    /** After the result file is written: record the file as processed and give the source file its name back for the move. */
    public void finish(Exchange exchange) {
        ProcessedFiles.FileKey key = exchange.getProperty(FILE_KEY, ProcessedFiles.FileKey.class);
        if (key != null) {
            processedFiles.markProcessed(key, exchange.getProperty(RECORDS, Long.class));
        }
        exchange.getMessage().setHeader(Exchange.FILE_NAME, exchange.getProperty(SOURCE_NAME, String.class));
        if ("done".equals(exchange.getProperty(INBOX_FOLDER, String.class))) {
            redactProcessedSource(exchange, key);
        }
    }

    /**
     * A processed file held the card numbers the merchant put in it; what goes to done/ is a note in its place
     * (PCI DSS 3.5: the hub keeps no card numbers). Its credits, answers and SHA-256 are on record already. Only
     * local files can be rewritten; a remote source (SFTP) should be configured to delete processed files.
     */
    private static void redactProcessedSource(Exchange exchange, ProcessedFiles.FileKey key) {
        Object source = exchange.getProperty(org.apache.camel.component.file.FileComponent.FILE_EXCHANGE_FILE);
        if (source instanceof org.apache.camel.component.file.GenericFile<?> file && file.getFile() instanceof java.io.File local) {
            String note = "processed by Loyalty Hub; contents removed because they may hold card numbers"
                    + (key == null ? "" : "; sha256 " + key.sha256()) + "\n";
            try {
                Files.writeString(local.toPath(), note, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                log.error("could not remove the contents of processed file {}: {}", local.getName(), e.getMessage());
            }
        }
    }

    private static String sha256(Message message) throws IOException, org.apache.camel.InvalidPayloadException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(message.getMandatoryBody(InputStream.class), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete work file {}: {}", file, e.getMessage());
        }
    }
}
