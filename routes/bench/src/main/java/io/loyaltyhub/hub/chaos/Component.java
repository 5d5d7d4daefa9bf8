package io.loyaltyhub.hub.chaos;

/** A process the chaos monkey kills with {@code kill -9} and starts again: the hub, the database server, the broker. */
interface Component {

    /** "hub", "database", "broker": the row of the report it counts in. */
    String name();

    /** Starts the process; returns once it is started (the database server and the broker: once they accept connections). */
    void start() throws Exception;

    /** {@code kill -9}; returns once the process is gone. */
    void kill9();

    /**
     * Asks the process to stop (SIGTERM) and waits up to a minute; {@code kill -9} after that.
     * @return whether it stopped by itself
     */
    boolean stop();
}
