package io.loyaltyhub.adapters.poslog;

/**
 * A POSLog document refused as a whole: nothing in it is credited. The message is the hub's own text
 * (never the parser's, which could quote document content such as a loyalty number).
 */
public class PosLogDocumentException extends RuntimeException {

    public enum Reason {
        MALFORMED("malformed-xml", "document is not well-formed XML"),
        DTD_NOT_ALLOWED("dtd-not-allowed", "document type declarations (DTDs) and entities are not accepted"),
        TOO_LARGE("document-too-large", "document exceeds the maximum size"),
        TOO_DEEP("document-too-deep", "document nests elements deeper than allowed"),
        TOO_MANY_TRANSACTIONS("too-many-transactions", "document holds more transactions than allowed"),
        NOT_POSLOG("not-poslog", "root element is not an ARTS POSLog in a supported namespace");

        private final String code;
        private final String message;

        Reason(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public PosLogDocumentException(Reason reason, String detail) {
        super(detail == null ? reason.message : reason.message + " (" + detail + ")", null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
