package io.loyaltyhub.hub.chaos;

import java.time.Duration;
import java.util.List;

/**
 * How one run drives and disrupts the hub.
 *
 * @param tills          tills per online channel
 * @param cards          cards the tills share
 * @param thinkTime      pause of a till between two transactions
 * @param answerTimeout  how long a till waits for an answer before it sends the transaction again
 * @param drainTimeout   at the end of the load, how long tills may keep resending the transaction in hand
 * @param recheckTimeout how long the resends at the end of the run may take
 * @param jvmOptions     options for the hub's and the broker's JVMs
 */
record ChaosOptions(int cycles, long seed, int tills, int cards, Duration thinkTime, Duration answerTimeout,
                    ChaosMonkey.Timing timing, Duration drainTimeout, Duration recheckTimeout, int csvLinesPerFile,
                    Duration csvInterval, boolean keep, List<String> jvmOptions) {
}
