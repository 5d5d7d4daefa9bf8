package io.loyaltyhub.adapters.csv;

import static io.loyaltyhub.adapters.csv.CsvBatchLayout.AMOUNT_MINOR;
import static io.loyaltyhub.adapters.csv.CsvBatchLayout.CARD_NUMBER;
import static io.loyaltyhub.adapters.csv.CsvBatchLayout.CURRENCY;
import static io.loyaltyhub.adapters.csv.CsvBatchLayout.OCCURRED_AT;
import static io.loyaltyhub.adapters.csv.CsvBatchLayout.ORIGINAL_TXN_REF;
import static io.loyaltyhub.adapters.csv.CsvBatchLayout.STORE_CODE;
import static io.loyaltyhub.adapters.csv.CsvBatchLayout.TERMINAL_CODE;
import static io.loyaltyhub.adapters.csv.CsvBatchLayout.TXN_REF;
import static io.loyaltyhub.adapters.csv.CsvBatchLayout.TYPE;

import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.card.InvalidCardNumberException;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.terminal.TerminalDirectory;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * Turns one batch line into the canonical {@link PosTransaction}, or says why not. The merchant is the
 * inbox folder's, never the line's; store and terminal codes are looked up within that merchant only. The
 * card number is read last, after every cheap check, and leaves as a token.
 */
public final class CsvLineMapper {

    /** End-of-day files report what happened at the till; redemptions and balance inquiries need the till online. */
    private static final Set<TransactionType> BATCH_TYPES = Set.of(TransactionType.SALE, TransactionType.REFUND, TransactionType.VOID);

    private final TerminalDirectory terminals;
    private final CardReader cards;

    public CsvLineMapper(TerminalDirectory terminals, CardReader cards) {
        this.terminals = terminals;
        this.cards = cards;
    }

    public CsvLineDecision decide(MerchantId merchant, long lineNumber, List<String> fields) {
        if (merchant == null) {
            throw new IllegalArgumentException("merchant is required");
        }
        if (fields.size() != CsvBatchLayout.COLUMNS.size()) {
            return new CsvLineDecision.Reject(lineNumber, null, "field-count",
                    "expected " + CsvBatchLayout.COLUMNS.size() + " fields, found " + fields.size());
        }
        String txnRef = validTxnRef(fields.get(TXN_REF));
        try {
            return new CsvLineDecision.Submit(lineNumber, txnRef, toCanonical(merchant, fields, txnRef));
        } catch (InputRejected refusal) {
            return new CsvLineDecision.Reject(lineNumber, txnRef, refusal.code(), refusal.getMessage());
        }
    }

    private PosTransaction toCanonical(MerchantId merchant, List<String> fields, String txnRef) {
        if (txnRef == null) {
            throw new InputRejected("reference-format", "txn_ref must be 1-64 characters of A-Z a-z 0-9 . _ : / -");
        }
        TransactionType type = type(fields.get(TYPE).strip());
        OffsetDateTime occurredAt = occurredAt(fields.get(OCCURRED_AT).strip());
        Money amount = amount(fields.get(AMOUNT_MINOR).strip(), fields.get(CURRENCY).strip(), type);
        TxnRef original = original(fields.get(ORIGINAL_TXN_REF).strip(), type);
        TerminalIdentity terminal = terminals.findTerminal(merchant, fields.get(STORE_CODE).strip(), fields.get(TERMINAL_CODE).strip())
                .orElseThrow(() -> new InputRejected("unknown-terminal", "no terminal of this merchant has this store_code and terminal_code"));
        PresentedCard card = card(fields.get(CARD_NUMBER).strip());
        try {
            return new PosTransaction(terminal.merchantId(), terminal.storeId(), terminal.terminalId(), new TxnRef(txnRef), type, card,
                    amount, occurredAt, List.of(), original, 0, Channel.CSV_BATCH);
        } catch (IllegalArgumentException e) {
            throw new InputRejected("invalid-transaction", e.getMessage());
        }
    }

    private static String validTxnRef(String field) {
        String value = field.strip();
        try {
            return new TxnRef(value).value();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static TransactionType type(String field) {
        for (TransactionType type : BATCH_TYPES) {
            if (type.name().equals(field)) {
                return type;
            }
        }
        throw new InputRejected("type-unsupported", "type must be SALE, REFUND or VOID");
    }

    private static OffsetDateTime occurredAt(String field) {
        try {
            return OffsetDateTime.parse(field);
        } catch (DateTimeParseException e) {
            throw new InputRejected("time-format", "occurred_at must be an ISO 8601 date-time with offset");
        }
    }

    private static Money amount(String minorUnits, String currencyCode, TransactionType type) {
        Currency currency;
        try {
            currency = Money.currencyOf(currencyCode);
        } catch (IllegalArgumentException e) {
            throw new InputRejected("currency-unknown", "currency must be an ISO 4217 code");
        }
        if (!minorUnits.matches("[0-9]{1,12}")) {
            throw new InputRejected("amount-format", "amount_minor must be a whole number of minor units (no sign, no decimals)");
        }
        long value = Long.parseLong(minorUnits);
        if (value == 0 && type.carriesAmount()) {
            throw new InputRejected("amount-zero", "amount_minor must be greater than zero for " + type);
        }
        try {
            return new Money(value, currency);
        } catch (IllegalArgumentException e) {
            throw new InputRejected("amount-out-of-range", e.getMessage());
        }
    }

    private static TxnRef original(String field, TransactionType type) {
        if (field.isEmpty()) {
            if (type.needsOriginal()) {
                throw new InputRejected("original-missing", "original_txn_ref is required for " + type);
            }
            return null;
        }
        try {
            return new TxnRef(field);
        } catch (IllegalArgumentException e) {
            throw new InputRejected("original-format", "original_txn_ref must be 1-64 characters of A-Z a-z 0-9 . _ : / -");
        }
    }

    private PresentedCard card(String number) {
        try {
            return cards.read(number);
        } catch (InvalidCardNumberException e) {
            throw new InputRejected(e.reason().code(), e.getMessage());
        }
    }
}
