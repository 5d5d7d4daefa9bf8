package io.loyaltyhub.adapters.poslog;

import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.card.InvalidCardNumberException;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.terminal.TerminalDirectory;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.LineItem;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Turns one POSLog transaction into the canonical {@link PosTransaction}, or says why not. The merchant
 * is the caller's (from the credential or the inbox folder), never the document's; store and workstation
 * codes are looked up within that merchant only. The loyalty number goes to the card reader last, after
 * every cheap check, and leaves as a token.
 *
 * <p>The direction follows TransactionGrandAmount: a positive total is a SALE, a negative one (a return
 * basket) a REFUND of its absolute value. Line amounts are signed relative to that direction, so a return
 * line in a sale basket counts against it.
 */
public final class PosLogMapper {

    private final TerminalDirectory terminals;
    private final CardReader cards;
    private final PosLogSettings settings;

    public PosLogMapper(TerminalDirectory terminals, CardReader cards, PosLogSettings settings) {
        this.terminals = terminals;
        this.cards = cards;
        this.settings = settings;
    }

    public PosLogDecision decide(MerchantId merchant, PosLogTransaction source) {
        if (merchant == null) {
            throw new IllegalArgumentException("merchant is required");
        }
        if (!source.retail()) {
            return new PosLogDecision.Skip(source, "control-transaction");
        }
        if (source.trainingMode()) {
            return new PosLogDecision.Skip(source, "training-transaction");
        }
        if (source.cancelled()) {
            return new PosLogDecision.Skip(source, "cancelled-transaction");
        }
        if (source.loyaltyIdentifier() == null) {
            return new PosLogDecision.Skip(source, "no-loyalty-identifier");
        }
        try {
            return toCanonical(merchant, source);
        } catch (InputRejected refusal) {
            return new PosLogDecision.Reject(source, refusal.code(), refusal.getMessage());
        }
    }

    private PosLogDecision toCanonical(MerchantId merchant, PosLogTransaction source) {
        String storeCode = required(source.storeCode(), "store-missing", "no RetailStoreID or BusinessUnit/UnitID");
        String workstationCode = required(source.workstationCode(), "workstation-missing", "no WorkstationID");
        TxnRef txnRef = txnRef(source);
        Currency currency = currency(source);
        long signedAmount = amount(required(source.grandAmount(), "amount-missing", "no TransactionGrandAmount total"), currency,
                "amount-format");
        if (signedAmount == 0) {
            return new PosLogDecision.Skip(source, "zero-amount");
        }
        TransactionType type = signedAmount > 0 ? TransactionType.SALE : TransactionType.REFUND;
        Money money = money(Math.abs(signedAmount), currency);
        OffsetDateTime occurredAt = occurredAt(required(source.dateTime(), "time-missing", "no EndDateTime, BeginDateTime or ReceiptDateTime"));
        List<LineItem> lines = lineItems(source.lines(), type, currency);
        TerminalIdentity terminal = terminals.findTerminal(merchant, storeCode, workstationCode)
                .orElseThrow(() -> new InputRejected("unknown-terminal", "no terminal of this merchant has this store and workstation"));
        PresentedCard card = card(source.loyaltyIdentifier());
        try {
            return new PosLogDecision.Submit(source, new PosTransaction(terminal.merchantId(), terminal.storeId(),
                    terminal.terminalId(), txnRef, type, card, money, occurredAt, lines, null, 0, Channel.POSLOG));
        } catch (IllegalArgumentException e) {
            throw new InputRejected("invalid-transaction", e.getMessage());
        }
    }

    private static TxnRef txnRef(PosLogTransaction source) {
        String reference = required(source.reference(), "reference-missing", "no TransactionID or SequenceNumber");
        try {
            return new TxnRef(reference);
        } catch (IllegalArgumentException e) {
            throw new InputRejected("reference-format", e.getMessage());
        }
    }

    private Currency currency(PosLogTransaction source) {
        if (source.currencyCode() == null) {
            if (settings.defaultCurrency() == null) {
                throw new InputRejected("currency-missing", "no CurrencyCode and no default currency configured");
            }
            return settings.defaultCurrency();
        }
        try {
            return Money.currencyOf(source.currencyCode());
        } catch (IllegalArgumentException e) {
            throw new InputRejected("currency-unknown", "CurrencyCode is not an ISO 4217 currency");
        }
    }

    private static long amount(String decimal, Currency currency, String code) {
        try {
            return DecimalAmounts.toMinorUnits(decimal, currency);
        } catch (NumberFormatException e) {
            throw new InputRejected(code, e.getMessage());
        }
    }

    private static Money money(long minorUnits, Currency currency) {
        try {
            return new Money(minorUnits, currency);
        } catch (IllegalArgumentException e) {
            throw new InputRejected("amount-out-of-range", e.getMessage());
        }
    }

    private OffsetDateTime occurredAt(String text) {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.from(parsed);
            }
            return LocalDateTime.from(parsed).atZone(settings.localTimeZone()).toOffsetDateTime();
        } catch (DateTimeException e) {
            throw new InputRejected("time-format", "transaction time is not an ISO 8601 date-time");
        }
    }

    private static List<LineItem> lineItems(List<PosLogLine> lines, TransactionType type, Currency currency) {
        PosLogLine.Kind sameDirection = type == TransactionType.SALE ? PosLogLine.Kind.SALE : PosLogLine.Kind.RETURN;
        List<LineItem> items = new ArrayList<>(lines.size());
        for (PosLogLine line : lines) {
            if (line.itemId() == null) {
                continue; // an open-department or manual line without an item: it counts in the total, not the basket
            }
            long amount = line.extendedAmount() == null ? 0 : amount(line.extendedAmount(), currency, "line-format");
            try {
                items.add(new LineItem(line.itemId(), line.merchandiseHierarchy(), DecimalAmounts.toUnits(line.quantity()),
                        line.kind() == sameDirection ? amount : -amount));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new InputRejected("line-format", "a line item has an unusable item id, category or quantity");
            }
        }
        return items;
    }

    private PresentedCard card(LoyaltyIdentifier identifier) {
        try {
            return cards.read(identifier.number());
        } catch (InvalidCardNumberException e) {
            throw new InputRejected(e.reason().code(), e.getMessage());
        }
    }

    private static String required(String value, String code, String message) {
        if (value == null) {
            throw new InputRejected(code, message);
        }
        return value;
    }
}
