package io.loyaltyhub.hub.broker;

/** The addresses the hub uses on Artemis. */
public final class BrokerAddresses {
    /** Durable queue of accepted transactions waiting for the engine. */
    public static final String SWIPES = "hub.swipes";
    /** Where messages go after too many failed deliveries, or at once when they cannot be read. */
    public static final String DEAD_LETTERS = "hub.dead-letters";
    /** Topic of answered transactions, for anything that wants to follow along (never carries card numbers). */
    public static final String EVENTS = "hub.events";
    /** Each hub node's queue of engine answers: this prefix and the node id ({@code hub.node-id}). */
    public static final String REPLIES_PREFIX = "hub.replies.";

    private BrokerAddresses() {
    }
}
