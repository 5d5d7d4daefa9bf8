package io.loyaltyhub.hub.chaos;

import java.util.List;

/**
 * What one set-up's run did and found.
 *
 * @param events   every kill, then the SIGTERM that ended the load
 * @param notes    what the reader should know (channels not driven, a hub restarted by hand, ...)
 * @param aborted  why the kill cycles stopped before their number (the hub no longer answered), or null
 */
record SetUpResult(SetUp setUp, List<Channel> channels, List<RunEvent> events, List<SwipeRecord> records,
                   List<Finding> findings, List<String> notes, String aborted, long startedAt, long endedAt) {

    boolean failed() {
        return aborted != null || findings.stream().anyMatch(f -> f.problem().failsRun());
    }
}
