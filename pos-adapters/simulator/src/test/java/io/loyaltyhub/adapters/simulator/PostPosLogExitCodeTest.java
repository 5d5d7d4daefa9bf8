package io.loyaltyhub.adapters.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.adapters.poslog.PosLogAnswerCounts;
import io.loyaltyhub.adapters.poslog.PosLogDecision;
import io.loyaltyhub.adapters.poslog.PosLogResultWriter;
import io.loyaltyhub.adapters.poslog.PosLogTotals;
import io.loyaltyhub.adapters.poslog.PosLogTransaction;
import io.loyaltyhub.adapters.poslog.PosLogTransactionResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A script runs `pos-simulator.jar post-poslog` and must be able to tell from its exit code whether the hub took the transactions. */
class PostPosLogExitCodeTest {

    private static final PosLogTransaction SOURCE = new PosLogTransaction(1, true, false, false, "S1", "T1", "R1", null, null,
            null, null, new PosLogTotals(null, null, List.of(), List.of(), null), List.of(), List.of(), null);

    @Test
    void everyTransactionRefusedIsNotASuccess() {
        PosLogAnswerCounts allRefused = countsOf(rejected(), rejected(), skipped());

        assertThat(PostPosLogCommand.exitCode(false, allRefused)).isEqualTo(4);
    }

    @Test
    void someTransactionsRefusedIsTold() {
        PosLogAnswerCounts counts = new PosLogAnswerCounts(3, 1, 0, 2, 0);

        assertThat(PostPosLogCommand.exitCode(false, counts)).isEqualTo(3);
        assertThat(PostPosLogCommand.exitCode(false, new PosLogAnswerCounts(0, 0, 1, 0, 2))).as("pending counts as taken").isEqualTo(3);
    }

    @Test
    void onlyCreditedPendingOrSkippedTransactionsIsSuccess() {
        assertThat(PostPosLogCommand.exitCode(false, new PosLogAnswerCounts(4, 0, 1, 47, 0))).isZero();
        assertThat(PostPosLogCommand.exitCode(false, countsOf(skipped()))).isZero();
    }

    @Test
    void aDocumentNotAcceptedWinsOverEverythingElse() {
        assertThat(PostPosLogCommand.exitCode(true, new PosLogAnswerCounts(4, 0, 0, 0, 0))).isEqualTo(1);
    }

    @Test
    void theExitCodesAreListedInTheHelp() {
        String help = new CommandLine(new PostPosLogCommand()).getUsageMessage();

        assertThat(help).contains("Exit codes:").contains("4   nothing was credited");
    }

    /** The counts as a client reads them back from the answer the hub writes. */
    private static PosLogAnswerCounts countsOf(PosLogTransactionResult... results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PosLogResultWriter().write(List.of(results), out);
        return PosLogAnswerCounts.of(out.toString(StandardCharsets.UTF_8));
    }

    private static PosLogTransactionResult rejected() {
        return PosLogTransactionResult.notSubmitted(new PosLogDecision.Reject(SOURCE, "unknown-terminal", "no terminal"));
    }

    private static PosLogTransactionResult skipped() {
        return PosLogTransactionResult.notSubmitted(new PosLogDecision.Skip(SOURCE, "control-transaction"));
    }
}
