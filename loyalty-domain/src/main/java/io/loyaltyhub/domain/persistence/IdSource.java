package io.loyaltyhub.domain.persistence;

/**
 * Who on a hub node makes ids: the node number's 10 bits ({@link IdGenerator}) are split between the hub process
 * (one generator shared by everything in it: engine, operator API, portal, demo) and the command-line tools, 512 hub
 * nodes each, so a running hub and an operator command of the same node, or anything of two nodes, never make the
 * same id. A hub node number is therefore 0–511.
 */
public enum IdSource {
    HUB,
    COMMAND_LINE;

    public static final int MAX_HUB_NODE = (IdGenerator.MAX_NODE + 1) / values().length - 1;

    /** @throws IllegalArgumentException when {@code hubNode} is outside 0 to {@link #MAX_HUB_NODE} */
    public IdGenerator generatorFor(int hubNode) {
        if (hubNode < 0 || hubNode > MAX_HUB_NODE) {
            throw new IllegalArgumentException("the hub node number (hub.node-id) must be between 0 and " + MAX_HUB_NODE
                    + ", not " + hubNode);
        }
        return IdGenerator.forNode(ordinal() * (MAX_HUB_NODE + 1) + hubNode);
    }
}
