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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns one POSLog transaction into the canonical {@link PosTransaction}, or says why not. The merchant
 * is the caller's (from the credential or the inbox folder), never the document's; store and workstation
 * codes are looked up within that merchant only. The loyalty number goes to the card reader last, after
 * every cheap check, and leaves as a token.
 *
 * <p>The amount is the TransactionGrandAmount total or, from suites that write none, the
 * TransactionNetAmount plus every TransactionTaxAmount. Its sign gives the direction: positive is a SALE,
 * negative (a return basket) a REFUND of its absolute value. Line amounts are signed relative to that
 * direction, so a return line in a sale basket counts against it. A REFUND whose TransactionLink names
 * the sale it gives back is linked to that sale, so the engine takes back points in proportion to it.
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
        long signedAmount = signedAmount(source.totals(), currency);
        if (signedAmount == 0) {
            return new PosLogDecision.Skip(source, "zero-amount");
        }
        TransactionType type = signedAmount > 0 ? TransactionType.SALE : TransactionType.REFUND;
        TxnRef linkedSale = type == TransactionType.REFUND ? linkedSale(source, storeCode, workstationCode) : null;
        Money money = money(Math.abs(signedAmount), currency);
        OffsetDateTime occurredAt = occurredAt(required(source.dateTime(), "time-missing", "no EndDateTime, BeginDateTime or ReceiptDateTime"));
        List<LineItem> lines = lineItems(source.lines(), type, currency);
        TerminalIdentity terminal = terminals.findTerminal(merchant, storeCode, workstationCode)
                .orElseThrow(() -> new InputRejected("unknown-terminal", "no terminal of this merchant has this store and workstation"));
        PresentedCard card = card(source.loyaltyIdentifier());
        try {
            return new PosLogDecision.Submit(source, new PosTransaction(terminal.merchantId(), terminal.storeId(),
                    terminal.terminalId(), txnRef, type, card, money, occurredAt, lines, linkedSale, 0, Channel.POSLOG));
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

    /**
     * The CurrencyCode element, else the CurrencyCode attribute of the totals, else of the line amounts,
     * else the configured default. The element and the totals must not name two currencies.
     */
    private Currency currency(PosLogTransaction source) {
        PosLogTotals totals = source.totals();
        Set<String> named = new LinkedHashSet<>();
        if (source.currencyCode() != null) {
            named.add(source.currencyCode());
        }
        named.addAll(totals.totalCurrencies());
        if (named.size() > 1) {
            throw new InputRejected("currency-conflict", "the CurrencyCode element and the totals' CurrencyCode attributes name "
                    + named.size() + " currencies");
        }
        String code = named.isEmpty() ? totals.lineCurrency() : named.iterator().next();
        if (code == null) {
            if (settings.defaultCurrency() == null) {
                throw new InputRejected("currency-missing", "no CurrencyCode and no default currency configured");
            }
            return settings.defaultCurrency();
        }
        try {
            return Money.currencyOf(code);
        } catch (IllegalArgumentException e) {
            throw new InputRejected("currency-unknown", "CurrencyCode is not an ISO 4217 currency");
        }
    }

    /** The grand amount, else net plus taxes: what the shopper paid, negative for a return basket. */
    private static long signedAmount(PosLogTotals totals, Currency currency) {
        if (totals.grand() != null) {
            return amount(totals.grand(), currency, "amount-format");
        }
        String net = required(totals.net(), "amount-missing", "no TransactionGrandAmount or TransactionNetAmount total");
        long sum = amount(net, currency, "amount-format");
        try {
            for (String tax : totals.taxes()) {
                sum = Math.addExact(sum, amount(tax, currency, "amount-format"));
            }
        } catch (ArithmeticException e) {
            throw new InputRejected("amount-out-of-range", "net and tax totals overflow");
        }
        return sum;
    }

    /**
     * The sale a return gives back, named by its TransactionLink (on the transaction or on its Return lines).
     * As on every channel, the original is looked up at the return's own terminal, so a link to another
     * store or workstation is refused rather than silently treated as an unlinked refund.
     */
    private static TxnRef linkedSale(PosLogTransaction source, String storeCode, String workstationCode) {
        List<PosLogLink> links = source.links().stream().filter(PosLogLink::namesTheSaleReturned).toList();
        if (links.isEmpty()) {
            return null;
        }
        Set<String> references = new LinkedHashSet<>();
        for (PosLogLink link : links) {
            if (link.reference() == null) {
                throw new InputRejected("link-format", "a TransactionLink names no TransactionID or SequenceNumber");
            }
            boolean otherStore = link.storeCode() != null && !link.storeCode().equals(storeCode);
            boolean otherWorkstation = link.workstationCode() != null && !link.workstationCode().equals(workstationCode);
            if (otherStore || otherWorkstation) {
                throw new InputRejected("link-other-workstation",
                        "the TransactionLink names a sale of another store or workstation; the hub links a return to a sale of the same till");
            }
            references.add(link.reference());
        }
        if (references.size() > 1) {
            throw new InputRejected("link-ambiguous", "the return's TransactionLinks name " + references.size() + " different sales");
        }
        try {
            return new TxnRef(references.iterator().next());
        } catch (IllegalArgumentException e) {
            throw new InputRejected("link-format", e.getMessage());
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
