package io.loyaltyhub.adapters.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads a batch file one line at a time without ever holding more than one bounded line: a line longer
 * than the limit is skipped to its end and reported as too long instead of being buffered. LF and CRLF both end a line.
 */
final class BoundedLineReader {

    /** One physical line; {@code text} is null when the line was too long to keep. */
    record Line(long number, String text) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxChars;
    private final StringBuilder buffer;
    private long lineNumber;
    private boolean endOfFile;

    BoundedLineReader(Reader bufferedIn, int maxChars) {
        this.in = bufferedIn;
        this.maxChars = maxChars;
        this.buffer = new StringBuilder(Math.min(maxChars, 256));
    }

    /** @return the next line, or null at the end of the file */
    Line next() throws IOException {
        if (endOfFile) {
            return null;
        }
        buffer.setLength(0);
        boolean tooLong = false;
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (tooLong) {
                continue;
            }
            if (buffer.length() == maxChars) {
                tooLong = true;
                buffer.setLength(0);
            } else {
                buffer.append((char) c);
            }
        }
        if (c == -1) {
            endOfFile = true;
            if (buffer.length() == 0 && !tooLong) {
                return null;
            }
        }
        lineNumber++;
        if (tooLong) {
            return new Line(lineNumber, null);
        }
        int end = buffer.length();
        if (end > 0 && buffer.charAt(end - 1) == '\r') {
            end--;
        }
        return new Line(lineNumber, buffer.substring(0, end));
    }
}
