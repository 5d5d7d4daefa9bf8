package io.loyaltyhub.hub.chaos;

/**
 * One disruption of a run: a component killed with {@code kill -9} (and started again), or the hub's stop with
 * SIGTERM that ends the load. Times are epoch milliseconds.
 *
 * @param cycle              1, 2, ... for kills; 0 for the stop at the end of the load
 * @param action             "kill -9" or "SIGTERM"
 * @param backAt             when the component was started again (for the stop: when the hub had exited)
 * @param answeringAt        when the hub's engine answered again, -1 if it did not
 * @param hubRestartedByHand the hub did not answer within the recovery time after the component came back, and the
 *                           suite restarted it, as an operator would have to
 * @param stoppedByItself    for the stop: whether the hub exited within its grace time (else it was killed)
 */
record RunEvent(int cycle, String component, String action, long at, long backAt, long answeringAt, boolean hubRestartedByHand,
                boolean stoppedByItself) {

    /** What the report calls this kind of disruption, e.g. "hub kill -9". */
    String label() {
        return component + " " + action;
    }

    /** Kill to the engine answering again, in milliseconds; -1 if it never did. */
    long outageMillis() {
        return answeringAt < 0 ? -1 : answeringAt - at;
    }

    /** The component back to the engine answering again, in milliseconds; -1 if it never did. */
    long recoveryMillis() {
        return answeringAt < 0 ? -1 : answeringAt - backAt;
    }
}
