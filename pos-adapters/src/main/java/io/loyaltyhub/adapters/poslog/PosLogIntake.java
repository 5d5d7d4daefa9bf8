package io.loyaltyhub.adapters.poslog;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.Submitted;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One POSLog document in, one result per transaction out. The document is read whole first, so a document
 * refused as a whole ({@link PosLogDocumentException}) credits nothing; then every creditable transaction is
 * handed to the crediting path at once, and the answers are awaited together. A transaction not answered
 * within the timeout is reported "accepted-pending": it is already durable and will be credited.
 */
public final class PosLogIntake {

    private final PosLogReader reader;
    private final PosLogMapper mapper;

    public PosLogIntake(PosLogReader reader, PosLogMapper mapper) {
        this.reader = reader;
        this.mapper = mapper;
    }

    /** @throws PosLogDocumentException when the document as a whole is refused; nothing has been submitted then */
    public Submission submit(MerchantId merchant, InputStream document,
                             Function<PosTransaction, Submitted> creditingPath) {
        List<PosLogDecision> decisions = reader.read(document).stream().map(t -> mapper.decide(merchant, t)).toList();
        List<Submitted> answers = new ArrayList<>(decisions.size());
        for (PosLogDecision decision : decisions) {
            answers.add(decision instanceof PosLogDecision.Submit submit ? creditingPath.apply(submit.transaction()) : null);
        }
        return new Submission(decisions, answers);
    }

    /** A document whose creditable transactions are durable and whose answers are on their way. */
    public static final class Submission {
        private final List<PosLogDecision> decisions;
        private final List<Submitted> answers;

        private Submission(List<PosLogDecision> decisions, List<Submitted> answers) {
            this.decisions = decisions;
            this.answers = answers;
        }

        /** Completes when every answer is in, or when {@code timeout} has passed, without holding a thread meanwhile. */
        public CompletableFuture<List<PosLogTransactionResult>> results(Duration timeout) {
            CompletableFuture<?>[] waiting = answers.stream().filter(a -> a != null).map(Submitted::answer)
                    .toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(waiting)
                    .completeOnTimeout(null, timeout.toNanos(), TimeUnit.NANOSECONDS)
                    .handle((ignored, failure) -> snapshot());
        }

        public List<PosLogTransactionResult> await(Duration timeout) {
            return results(timeout).join();
        }

        private List<PosLogTransactionResult> snapshot() {
            List<PosLogTransactionResult> results = new ArrayList<>(decisions.size());
            for (int i = 0; i < decisions.size(); i++) {
                Submitted submitted = answers.get(i);
                PosLogDecision decision = decisions.get(i);
                if (submitted == null) {
                    results.add(PosLogTransactionResult.notSubmitted(decision));
                    continue;
                }
                Submitted.Verdict verdict = submitted.now();
                if (verdict instanceof Submitted.Answered answered) {
                    results.add(PosLogTransactionResult.answered(decision.source(), answered.outcome()));
                } else if (verdict instanceof Submitted.NotStored notStored) {
                    results.add(PosLogTransactionResult.notStored(decision.source(), notStored.code(), notStored.reason()));
                } else {
                    // stored means durable: an answer that is late or lost on the way back does not undo the credit
                    results.add(PosLogTransactionResult.pending(decision.source()));
                }
            }
            return results;
        }
    }
}
