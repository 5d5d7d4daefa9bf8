package io.loyaltyhub.domain.model;

public record TerminalId(long value) {
    public TerminalId {
        if (value <= 0) {
            throw new IllegalArgumentException("terminal id must be positive");
        }
    }
}
