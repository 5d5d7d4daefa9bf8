package io.loyaltyhub.domain.terminal;

/** A terminal could not be looked up because the database does not answer: the terminal should try again shortly. */
public class TerminalDirectoryUnavailableException extends RuntimeException {
    public TerminalDirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
