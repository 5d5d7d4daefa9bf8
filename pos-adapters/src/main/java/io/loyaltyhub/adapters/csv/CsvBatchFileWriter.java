package io.loyaltyhub.adapters.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;

/**
 * Puts a batch file into a merchant's inbox the way a back office should: written under a hidden temporary
 * name and renamed into place in one step, so the hub never picks up a half-written file. Records are
 * written as they come from the iterator, so a million-line file needs no more memory than one line.
 */
public final class CsvBatchFileWriter {

    private CsvBatchFileWriter() {
    }

    /** @return the file in the inbox */
    public static Path drop(Path merchantInbox, String fileName, Iterator<CsvBatchRecord> records) throws IOException {
        Path temporary = temporaryFor(merchantInbox, fileName);
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            CsvWriter csv = CsvFields.writer(out);
            csv.writeRecord(CsvBatchLayout.COLUMNS);
            while (records.hasNext()) {
                csv.writeRecord(records.next().fields());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return moveIntoPlace(temporary, merchantInbox.resolve(fileName));
    }

    /** Drops bytes already in the batch layout (a file written elsewhere, or a deliberately broken one in tests). */
    public static Path drop(Path merchantInbox, String fileName, InputStream content) throws IOException {
        Path temporary = temporaryFor(merchantInbox, fileName);
        Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
        return moveIntoPlace(temporary, merchantInbox.resolve(fileName));
    }

    private static Path temporaryFor(Path merchantInbox, String fileName) throws IOException {
        if (fileName.startsWith(".") || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("a batch file name is a plain name that does not start with a dot");
        }
        Files.createDirectories(merchantInbox);
        return merchantInbox.resolve("." + fileName + ".part");
    }

    private static Path moveIntoPlace(Path temporary, Path target) throws IOException {
        return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
