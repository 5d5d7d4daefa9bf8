package io.loyaltyhub.adapters.poslog;

/**
 * One Sale or Return line of a POSLog retail transaction as written (texts untouched apart from trimming).
 * Void and cancelled lines never become a PosLogLine.
 */
public record PosLogLine(Kind kind, String itemId, String merchandiseHierarchy, String quantity, String extendedAmount) {

    public enum Kind { SALE, RETURN }
}
