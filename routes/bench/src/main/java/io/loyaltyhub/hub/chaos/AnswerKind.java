package io.loyaltyhub.hub.chaos;

/** What an answer tells the till, whatever the protocol. */
enum AnswerKind {
    /** The engine applied it (or had already): points and balance are known. */
    APPROVED,
    /** The engine refused it (insufficient points, original not found, ...): stored, moves no points. */
    DECLINED,
    /** Stored and will be credited later: the till does not send it again, but it must never be lost. */
    PENDING,
    /** Refused at the edge as bad input: nothing stored (the suite never sends bad input, so this is a finding too). */
    REJECTED;

    boolean fromEngine() {
        return this == APPROVED || this == DECLINED;
    }

    boolean acknowledged() {
        return this != REJECTED;
    }
}
