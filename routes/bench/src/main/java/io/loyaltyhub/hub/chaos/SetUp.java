package io.loyaltyhub.hub.chaos;

import java.util.List;

/** The deployments the suite runs the hub in. */
enum SetUp {
    /** The README's default: H2 and Artemis embedded in the hub's process; only the hub can be killed. */
    EMBEDDED("embedded", List.of(Channel.HTTP, Channel.ISO8583, Channel.MQTT, Channel.CSV)),
    /**
     * Production in miniature: a MariaDB server and an external Artemis broker, each its own process, killed in turn
     * with the hub. Broker-native terminals need the embedded broker, so MQTT is not driven here.
     */
    MYSQL("mysql", List.of(Channel.HTTP, Channel.ISO8583, Channel.CSV)),
    /**
     * Beyond one machine ({@link ClusterRun}, docker/run-cluster-check.sh): three hub nodes, a MariaDB server and an
     * Artemis primary/backup pair with replication; a hub node and the primary broker are killed during the load.
     */
    CLUSTER("cluster", List.of(Channel.HTTP, Channel.ISO8583, Channel.MQTT));

    private final String optionName;
    private final List<Channel> channels;

    SetUp(String optionName, List<Channel> channels) {
        this.optionName = optionName;
        this.channels = channels;
    }

    String optionName() {
        return optionName;
    }

    List<Channel> channels() {
        return channels;
    }

    static SetUp of(String name) {
        for (SetUp setUp : values()) {
            if (setUp.optionName.equalsIgnoreCase(name.trim())) {
                return setUp;
            }
        }
        throw new IllegalArgumentException("set-up must be embedded, mysql or cluster, not " + name);
    }
}
