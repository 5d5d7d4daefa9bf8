package io.loyaltyhub.domain.engine;

/** The engine could not apply a batch (the database refused it). Nothing of the batch was written. */
public class EngineException extends RuntimeException {
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
