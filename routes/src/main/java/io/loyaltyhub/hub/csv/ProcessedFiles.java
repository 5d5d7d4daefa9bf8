package io.loyaltyhub.hub.csv;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.txn.ProcessedBatchFiles;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * The register of batch files already processed, keyed by merchant, channel, file name and SHA-256 (kept by the
 * domain's {@link ProcessedBatchFiles}). Checked before a file is processed and written after it has been, so a file
 * interrupted by a crash is simply processed again (its transactions are idempotent on the crediting path).
 */
public final class ProcessedFiles {

    /** Identity of one dropped file. */
    public record FileKey(MerchantId merchant, String channel, String fileName, String sha256) {
    }

    private final ProcessedBatchFiles register;
    private final Clock clock;

    public ProcessedFiles(Database database, Clock clock) {
        this.register = new ProcessedBatchFiles(database);
        this.clock = clock;
    }

    public boolean alreadyProcessed(FileKey key) {
        return register.contains(key.merchant(), key.channel(), key.fileName(), key.sha256());
    }

    public void markProcessed(FileKey key, long lineCount) {
        register.record(key.merchant(), key.channel(), key.fileName(), key.sha256(), lineCount, LocalDateTime.now(clock));
    }
}
