package io.loyaltyhub.hub.csv;

import io.loyaltyhub.domain.model.MerchantId;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mechanics of a per-merchant inbox, shared by every file channel. The merchant is the folder the file
 * was dropped in (INBOX/MERCHANT/FILE), never anything in the file. Only a regular file of the inbox is read
 * ({@link InboxEntryCheck}): a link or anything else goes to error/ untouched. A file already processed (same
 * merchant, name and SHA-256) is not processed again. A card number in the file's name is never kept
 * ({@link InboxFileName}). The result is written to a work file first and handed on as the message body, so a
 * million-line result is never held in memory; the route then writes it to the result endpoint and
 * {@link #finish} records the file as processed.
 *
 * <p>Exchange properties tell the consumer's move options where the source file goes afterwards:
 * {@link #INBOX_FOLDER} ("done" or "error"), {@link #STORED_STEM} and {@link #STORED_EXTENSION} (its stored name).
 */
public final class MerchantInboxProcessor {

    public static final String INBOX_FOLDER = "loyaltyhubInboxFolder";
    public static final String STORED_STEM = "loyaltyhubStoredStem";
    public static final String STORED_EXTENSION = "loyaltyhubStoredExtension";
    private static final String FILE_KEY = "loyaltyhubFileKey";
    private static final String RECORDS = "loyaltyhubRecords";
    private static final String SOURCE_NAME = "loyaltyhubSourceName";
    private static final DateTimeFormatter RESULT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS");
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
        InboxFileName name = InboxFileName.of(relativeName);
        // First of all, so that the move to done/ or error/ never uses the name as dropped, whatever fails below.
        exchange.setProperty(STORED_STEM, name.storedStem());
        exchange.setProperty(STORED_EXTENSION, name.extension());
        exchange.setProperty(INBOX_FOLDER, "error");
        exchange.setProperty(SOURCE_NAME, relativeName);
        Optional<Path> local = localFile(exchange);
        Files.createDirectories(workDir);
        Path result = Files.createTempFile(workDir, "result-", "." + handler.resultExtension());
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                deleteQuietly(result);
            }
        });
        String resultName = resultName(name, "");
        String outcome;
        try (OutputStream out = Files.newOutputStream(result)) {
            Optional<String> notAFile = local.flatMap(file -> InboxEntryCheck.refusal(file, inboxRoot(exchange, file)));
            Optional<MerchantId> merchant = merchantByFolder.apply(name.folder());
            if (notAFile.isPresent()) {
                log.warn("{} inbox entry {} refused, {}: moving it to error/ untouched", handler.channel(), name, notAFile.get());
                handler.writeFileRefusal("not-a-regular-file", "the inbox entry was not read: " + notAFile.get(), out);
                outcome = "error";
            } else if (merchant.isEmpty()) {
                handler.writeFileRefusal("unknown-merchant", "the inbox folder '" + name.folder() + "' is not a merchant code", out);
                outcome = "error";
            } else {
                ProcessedFiles.FileKey key = new ProcessedFiles.FileKey(merchant.get(), handler.channel(), name.storedName(),
                        sha256(exchange, local));
                if (processedFiles.alreadyProcessed(key)) {
                    handler.writeFileRefusal("duplicate-file",
                            "a file with this name and content was already processed; nothing in it was credited again", out);
                    resultName = resultName(name, ".duplicate");
                    outcome = "error";
                } else {
                    long records;
                    try (InputStream in = open(exchange, local)) {
                        records = handler.process(merchant.get(), name.folder(), in, out);
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
        log.info("{} file {} processed: moving it to {}/", handler.channel(), name, outcome);
        exchange.setProperty(INBOX_FOLDER, outcome);
        message.setHeader(Exchange.FILE_NAME, resultName);
        message.setBody(result.toFile());
    }

    /**
     * FOLDER/NAME.result.EXT; a name that had a card number masked also carries the time, as two such files (two
     * cards with the same last four digits) must not share a result file.
     */
    private String resultName(InboxFileName name, String kind) {
        String stamp = name.masked() ? "." + LocalDateTime.now(ZoneOffset.UTC).format(RESULT_STAMP) : "";
        return name.storedRelativeName() + stamp + kind + ".result." + handler.resultExtension();
    }

    /** After the result file is written: record the file as processed and give the source file its name back for the move. */
    public void finish(Exchange exchange) {
        ProcessedFiles.FileKey key = exchange.getProperty(FILE_KEY, ProcessedFiles.FileKey.class);
        if (key != null) {
            processedFiles.markProcessed(key, exchange.getProperty(RECORDS, Long.class));
        }
        exchange.getMessage().setHeader(Exchange.FILE_NAME, exchange.getProperty(SOURCE_NAME, String.class));
        if ("done".equals(exchange.getProperty(INBOX_FOLDER, String.class))) {
            localFile(exchange).ifPresent(file -> redactProcessedSource(file, key));
        }
    }

    /**
     * A processed file held the card numbers the merchant put in it; what goes to done/ is a note in its place
     * (PCI DSS 3.5: the hub keeps no card numbers). Its credits, answers and SHA-256 are on record already. Only
     * local files can be rewritten; a remote source (SFTP) should be configured to delete processed files. The
     * note is written without following a link, so a file swapped for a link meanwhile is not overwritten.
     */
    private static void redactProcessedSource(Path file, ProcessedFiles.FileKey key) {
        String note = "processed by Loyalty Hub; contents removed because they may hold card numbers"
                + (key == null ? "" : "; sha256 " + key.sha256()) + "\n";
        try (OutputStream out = Files.newOutputStream(file, LinkOption.NOFOLLOW_LINKS, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(note.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.error("could not remove the contents of processed file {}: {}", InboxFileName.of(file.getFileName().toString())
                    .storedName(), e.getMessage());
        }
    }

    /** The dropped file on this machine's disk; empty for a remote source (SFTP), which the hub cannot examine. */
    private static Optional<Path> localFile(Exchange exchange) {
        Object source = exchange.getProperty(FileComponent.FILE_EXCHANGE_FILE);
        if (source instanceof GenericFile<?> file && file.getFile() instanceof File local) {
            return Optional.of(local.toPath());
        }
        return Optional.empty();
    }

    /** The folder the consumer watches (the inbox), to which every merchant folder belongs. */
    private static Path inboxRoot(Exchange exchange, Path file) {
        GenericFile<?> source = exchange.getProperty(FileComponent.FILE_EXCHANGE_FILE, GenericFile.class);
        String endpointPath = source.getEndpointPath();
        return endpointPath != null ? Path.of(endpointPath) : file.toAbsolutePath().getParent().getParent();
    }

    /** A local file is opened without following links, so it is read only if it is still the file that was checked. */
    private static InputStream open(Exchange exchange, Optional<Path> local) throws IOException, org.apache.camel.InvalidPayloadException {
        if (local.isPresent()) {
            return Files.newInputStream(local.get(), LinkOption.NOFOLLOW_LINKS);
        }
        return exchange.getMessage().getMandatoryBody(InputStream.class);
    }

    private static String sha256(Exchange exchange, Optional<Path> local) throws IOException, org.apache.camel.InvalidPayloadException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(open(exchange, local), digest)) {
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
