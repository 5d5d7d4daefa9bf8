package io.loyaltyhub.adapters.poslog;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One POSLog document in, one result per transaction out. The document is read whole first, so a document
 * refused as a whole ({@link PosLogDocumentException}) credits nothing; then every creditable transaction is
 * handed to the crediting path and the answers are awaited together, up to {@code answerTimeout}. A
 * transaction not answered by then is reported "accepted-pending": it is already durable and will be credited.
 */
public final class PosLogIntake {

    private final PosLogReader reader;
    private final PosLogMapper mapper;
    private final Duration answerTimeout;

    public PosLogIntake(PosLogReader reader, PosLogMapper mapper, Duration answerTimeout) {
        this.reader = reader;
        this.mapper = mapper;
        this.answerTimeout = answerTimeout;
    }

    /** @throws PosLogDocumentException when the document as a whole is refused; nothing has been submitted then */
    public List<PosLogTransactionResult> process(MerchantId merchant, InputStream document,
                                                 Function<PosTransaction, CompletableFuture<TransactionOutcome>> creditingPath) {
        List<PosLogDecision> decisions = reader.read(document).stream().map(t -> mapper.decide(merchant, t)).toList();
        Map<PosLogDecision.Submit, CompletableFuture<TransactionOutcome>> answers = new LinkedHashMap<>();
        for (PosLogDecision decision : decisions) {
            if (decision instanceof PosLogDecision.Submit submit) {
                answers.put(submit, creditingPath.apply(submit.transaction()));
            }
        }
        awaitAll(answers.values());
        List<PosLogTransactionResult> results = new ArrayList<>(decisions.size());
        for (PosLogDecision decision : decisions) {
            CompletableFuture<TransactionOutcome> answer = answers.get(decision);
            results.add(answer == null ? PosLogTransactionResult.notSubmitted(decision) : resultOf(decision.source(), answer));
        }
        return results;
    }

    private void awaitAll(Iterable<CompletableFuture<TransactionOutcome>> answers) {
        List<CompletableFuture<TransactionOutcome>> all = new ArrayList<>();
        answers.forEach(all::add);
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(answerTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the answers that did arrive are reported; the others are durable and reported pending
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine's answers", e);
        }
    }

    private static PosLogTransactionResult resultOf(PosLogTransaction source, CompletableFuture<TransactionOutcome> answer) {
        if (answer.isDone() && !answer.isCompletedExceptionally()) {
            return PosLogTransactionResult.answered(source, answer.join());
        }
        return PosLogTransactionResult.pending(source);
    }
}
