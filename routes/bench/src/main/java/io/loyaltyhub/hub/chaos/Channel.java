package io.loyaltyhub.hub.chaos;

/** The ways the chaos suite's tills reach the hub. */
enum Channel {
    HTTP, ISO8583, MQTT, CSV;

    /** Whether an answer on this channel says "duplicate" itself (ISO 8583 repeats the first answer without saying so). */
    boolean flagsDuplicates() {
        return this != ISO8583;
    }
}
