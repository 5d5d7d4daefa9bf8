package io.loyaltyhub.hub.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * A till that waits for the answer to each transaction, one at a time, as a real POS does: it sends every
 * transaction that got no final answer again — after a timeout, a connection error, or an answer asking for it
 * again — with the same content, until it is answered. At the end of the run it sends every acknowledged
 * transaction once more ({@link #recheckAll}): each must come back as the first answer, marked duplicate.
 *
 * @param <C> the transaction in the channel's form (a JSON body, an ISO 8583 message), fixed when it is rung up
 */
abstract class OnlineTill<C> implements Runnable {

    /** A transaction in the channel's form, with the till's record of it. */
    record Sent<C>(SwipeRecord record, C content) {
    }

    protected final String terminal;
    protected final Notebook notebook;
    protected final RunControl control;
    private final SwipePlanner planner;
    private final List<Sent<C>> sent = new ArrayList<>();
    protected volatile boolean rechecking;

    OnlineTill(String terminal, Notebook notebook, SwipePlanner planner, RunControl control) {
        this.terminal = terminal;
        this.notebook = notebook;
        this.planner = planner;
        this.control = control;
    }

    /** The transaction in the channel's form, and a record for it (not yet in the notebook). */
    protected abstract Sent<C> prepare(PlannedSwipe swipe);

    /** One send; {@code repeat} when the same transaction was sent before (ISO 8583 then uses the repeat MTI). */
    protected abstract Attempt attempt(Sent<C> swipe, boolean repeat);

    @Override
    public void run() {
        try {
            while (control.takingNewSwipes() && !Thread.currentThread().isInterrupted()) {
                PlannedSwipe planned = planner.next();
                Sent<C> swipe = ring(planned);
                Answer answer = sendUntilAnswered(swipe, false);
                if (answer != null) {
                    swipe.record().answered(answer);
                }
                planner.settled(planned, swipe.record(), answer);
                RunControl.pause(control.thinkTime());
            }
        } finally {
            disconnect();
        }
    }

    /** Rings up a transaction: puts it in the channel's form and in the notebook. */
    final Sent<C> ring(PlannedSwipe planned) {
        Sent<C> swipe = prepare(planned);
        notebook.add(swipe.record());
        sent.add(swipe);
        return swipe;
    }

    /** Sends until a final answer (pending counts: the till was told it is stored), or null once the run gives up. */
    final Answer sendUntilAnswered(Sent<C> swipe, boolean alreadySent) {
        ResendBackoff backoff = new ResendBackoff();
        boolean repeat = alreadySent;
        while (true) {
            swipe.record().attempted();
            if (rechecking) {
                swipe.record().recheckSending(System.currentTimeMillis());
            }
            Attempt attempt = attempt(swipe, repeat);
            repeat = true;
            if (attempt instanceof Attempt.Answered answered) {
                return answered.answer();
            }
            Attempt.Retry retry = (Attempt.Retry) attempt;
            if (!rechecking) {
                swipe.record().retried(retry.notStored());
            }
            if (control.givenUp() || Thread.currentThread().isInterrupted()) {
                return null;
            }
            RunControl.pause(backoff.after(retry));
        }
    }

    /**
     * Sends every acknowledged transaction again. A pending one is sent again (a second later) until the engine's
     * answer comes or the run gives up.
     */
    final void recheckAll() {
        rechecking = true;
        try {
            for (Sent<C> swipe : sent) {
                if (!swipe.record().acknowledged()) {
                    continue;
                }
                while (true) {
                    Answer answer = sendUntilAnswered(swipe, true);
                    if (answer == null) {
                        break;
                    }
                    if (answer.kind() != AnswerKind.PENDING || control.givenUp()) {
                        swipe.record().rechecked(answer);
                        break;
                    }
                    RunControl.pause(java.time.Duration.ofSeconds(1));
                }
            }
        } finally {
            disconnect();
        }
    }

    /** Closes the till's connection, if it keeps one. */
    protected void disconnect() {
    }
}
