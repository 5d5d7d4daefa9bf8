package io.loyaltyhub.domain.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock file ({@code loyalty.lock.db}) a killed hub leaves behind. H2's file lock (the one AUTO_SERVER needs)
 * cannot tell a dead owner from a live one, so it waits for the file to age and then sleeps again before taking it
 * over: three to four seconds of every restart after a {@code kill -9}. Whether an owner is alive is known exactly:
 * while a process has the database open, H2 holds an operating-system lock on the database file itself, released by
 * the kernel when that process dies. So the lock file is removed only when that lock can be taken, which is also
 * what keeps two processes from ever opening the file together (H2 refuses the second one).
 */
final class StaleH2LockFile {
    private static final Logger log = LoggerFactory.getLogger(StaleH2LockFile.class);

    private StaleH2LockFile() {
    }

    /** @param databaseFile the database's base name, as in its URL (without {@code .mv.db}) */
    static void removeIfOwnerIsGone(Path databaseFile) {
        Path store = databaseFile.resolveSibling(databaseFile.getFileName() + ".mv.db");
        Path lock = databaseFile.resolveSibling(databaseFile.getFileName() + ".lock.db");
        if (!Files.isRegularFile(lock) || !Files.isRegularFile(store)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock owner = channel.tryLock();
            if (owner == null) {
                return;
            }
            try {
                Files.deleteIfExists(lock);
                log.info("removed {}, left by a process that ended without closing the database", lock.getFileName());
            } finally {
                owner.release();
            }
        } catch (OverlappingFileLockException e) {
            // This process has the database open already: the lock file is its own.
        } catch (IOException e) {
            log.debug("could not check {}: {}", lock, e.getMessage());
        }
    }
}
