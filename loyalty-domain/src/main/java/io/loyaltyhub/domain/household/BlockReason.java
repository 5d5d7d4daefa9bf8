package io.loyaltyhub.domain.household;

/** Why the operator blocked a card (kept on the card and in the audit). */
public enum BlockReason {
    LOST, STOLEN, DAMAGED, OTHER
}
