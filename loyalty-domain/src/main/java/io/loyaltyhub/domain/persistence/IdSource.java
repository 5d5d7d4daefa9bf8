package io.loyaltyhub.domain.persistence;

/**
 * Who on a hub node makes ids: the node number's 10 bits ({@link IdGenerator}) are a quarter per source and 256 hub
 * nodes, so the engine, the operator API, the command line and the demo of one node, and every source of every other
 * node, never make the same id. A hub node number is therefore 0–255.
 */
public enum IdSource {
    ENGINE,
    OPERATOR_API,
    COMMAND_LINE,
    DEMO;

    public static final int MAX_HUB_NODE = (IdGenerator.MAX_NODE + 1) / values().length - 1;

    /** @throws IllegalArgumentException when {@code hubNode} is outside 0 to {@link #MAX_HUB_NODE} */
    public IdGenerator generatorFor(int hubNode) {
        if (hubNode < 0 || hubNode > MAX_HUB_NODE) {
            throw new IllegalArgumentException("the hub node number (hub.node-id) must be between 0 and " + MAX_HUB_NODE
                    + ", not " + hubNode);
        }
        return new IdGenerator(ordinal() * (MAX_HUB_NODE + 1) + hubNode);
    }
}
