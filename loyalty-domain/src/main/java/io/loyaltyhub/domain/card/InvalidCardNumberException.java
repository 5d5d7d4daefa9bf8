package io.loyaltyhub.domain.card;

/** A card number that fails its programme's format or check digit. Carries a stable code, never the number. */
public class InvalidCardNumberException extends RuntimeException {

    public enum Reason {
        FORMAT("card-number-format", "card number does not match any card programme's length and prefix"),
        CHECK_DIGIT("card-number-check-digit", "card number fails its programme's check digit"),
        TRACK_FORMAT("track-data-format", "track data is not ISO/IEC 7813 Track 1 or Track 2 with a card number");

        private final String code;
        private final String message;

        Reason(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public InvalidCardNumberException(Reason reason) {
        super(reason.message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
