package io.loyaltyhub.hub.chaos;

/**
 * What one till knows about one transaction it sent: its identity as the hub keys it (terminal, reference,
 * type), which card, every attempt, the first answer that settled it for the till (its acknowledgment), an
 * engine answer that followed a "pending" one, and the answer to the resend at the end of the run. Never
 * the card number: the card is known by its serial in the suite's card list.
 */
final class SwipeRecord {
    private final Channel channel;
    private final String terminal;
    private final String ref;
    private final String kind;
    private final int card;
    private final long firstSentAt;
    private int attempts;
    private long lastSentAt = -1;
    private long acknowledgedSentAt = -1;
    private int notStoredAnswers;
    private int otherRetries;
    private Answer acknowledgment;
    private Answer laterAnswer;
    private Answer recheck;
    private long recheckSentAt = -1;

    /**
     * @param kind the transaction type as the hub stores it (SALE, REFUND, VOID, REVERSAL, REDEEM, BALANCE_INQUIRY)
     * @param card the card's serial in the suite's card list
     */
    SwipeRecord(Channel channel, String terminal, String ref, String kind, int card, long firstSentAt) {
        this.channel = channel;
        this.terminal = terminal;
        this.ref = ref;
        this.kind = kind;
        this.card = card;
        this.firstSentAt = firstSentAt;
    }

    Channel channel() {
        return channel;
    }

    String terminal() {
        return terminal;
    }

    String ref() {
        return ref;
    }

    String kind() {
        return kind;
    }

    int card() {
        return card;
    }

    long firstSentAt() {
        return firstSentAt;
    }

    /** A send is on its way. */
    synchronized void attempted() {
        attempts++;
        lastSentAt = System.currentTimeMillis();
    }

    /** An attempt that got no final answer: {@code notStored} when the hub said it had not stored it (503 not-accepted). */
    synchronized void retried(boolean notStored) {
        if (notStored) {
            notStoredAnswers++;
        } else {
            otherRetries++;
        }
    }

    /**
     * An answer to a send during the run: the first one that settles it is the acknowledgment; an engine answer after
     * "pending" is kept too.
     */
    synchronized void answered(Answer answer) {
        if (acknowledgment == null) {
            acknowledgment = answer;
            acknowledgedSentAt = lastSentAt >= 0 ? Math.min(lastSentAt, answer.atMillis()) : answer.atMillis();
        } else if (acknowledgment.kind() == AnswerKind.PENDING && laterAnswer == null && answer.kind().fromEngine()) {
            laterAnswer = answer;
        }
    }

    /** The resend at the end of the run is on its way (the first time counts). */
    synchronized void recheckSending(long at) {
        if (recheckSentAt < 0) {
            recheckSentAt = at;
        }
    }

    /** When the resend at the end of the run was first sent (epoch milliseconds), -1 if never. */
    synchronized long recheckSentAt() {
        return recheckSentAt;
    }

    synchronized void rechecked(Answer answer) {
        recheck = answer;
    }

    synchronized int attempts() {
        return attempts;
    }

    synchronized Answer acknowledgment() {
        return acknowledgment;
    }

    /**
     * When the send that got the acknowledgment left the till (epoch milliseconds). The answer came between this
     * and the acknowledgment's own time; on a busy machine a till may note an answer late, but never before it sent
     * the request — so a disruption after this moment is the one the answer could have been lost to.
     */
    synchronized long acknowledgedSentAt() {
        return acknowledgedSentAt;
    }

    synchronized Answer laterAnswer() {
        return laterAnswer;
    }

    synchronized Answer recheck() {
        return recheck;
    }

    /**
     * Every attempt before the acknowledgment was answered "not stored". If the acknowledgment then says
     * duplicate, one of those answers was untrue: the hub had stored it.
     */
    synchronized boolean onlyNotStoredBefore() {
        return notStoredAnswers > 0 && otherRetries == 0;
    }

    synchronized int retries() {
        return notStoredAnswers + otherRetries;
    }

    /** Whether the till considers it settled: an acknowledgment other than a rejection. */
    synchronized boolean acknowledged() {
        return acknowledgment != null && acknowledgment.kind().acknowledged();
    }

    /** The engine's outcome as the till finally knows it: the recheck's, else an engine answer seen during the run. */
    synchronized Answer engineOutcome() {
        if (recheck != null && recheck.kind().fromEngine()) {
            return recheck;
        }
        if (laterAnswer != null) {
            return laterAnswer;
        }
        return acknowledgment != null && acknowledgment.kind().fromEngine() ? acknowledgment : null;
    }

    PurchaseKey key() {
        return new PurchaseKey(terminal, ref, kind);
    }

    @Override
    public String toString() {
        return channel + " " + terminal + " " + ref + " " + kind + " card#" + card;
    }
}
