package io.loyaltyhub.hub.csv;

import io.loyaltyhub.domain.model.MerchantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** What one channel does with a file dropped in a merchant's inbox; the inbox mechanics are {@link MerchantInboxProcessor}'s. */
public interface BatchFileHandler {

    /** Short channel name, recorded in the processed-files register. */
    String channel();

    /** Extension of the result file, e.g. "csv". */
    String resultExtension();

    /**
     * Processes the file and writes its result file. {@code merchantCode} is for log lines: the hub names
     * merchants by their code there, as the operator does.
     *
     * @return how many records the file held, or -1 when the file as a whole was refused (it then goes to error/)
     */
    long process(MerchantId merchant, String merchantCode, InputStream file, OutputStream result) throws IOException;

    /** Writes the result file of a file refused before it was read (not a regular file, unknown merchant folder, duplicate). */
    void writeFileRefusal(String code, String message, OutputStream result) throws IOException;
}
