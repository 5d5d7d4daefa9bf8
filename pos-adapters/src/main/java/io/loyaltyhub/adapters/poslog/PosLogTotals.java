package io.loyaltyhub.adapters.poslog;

import java.util.List;

/**
 * The totals of a POSLog retail transaction as written, and the currencies its amounts name. Suites
 * differ: most write a {@code TransactionGrandAmount}; some write only {@code TransactionNetAmount} and
 * {@code TransactionTaxAmount}; some give the currency only as a {@code CurrencyCode} attribute of the
 * totals or line amounts instead of a {@code CurrencyCode} element.
 *
 * @param grand            the {@code TransactionGrandAmount} total, or null
 * @param net              the {@code TransactionNetAmount} total, or null
 * @param taxes            every {@code TransactionTaxAmount} total, in document order
 * @param totalCurrencies  the {@code CurrencyCode} attributes of the {@code Total} elements, in document order
 * @param lineCurrency     the first {@code CurrencyCode} attribute of a Sale or Return line's amount, or null
 */
public record PosLogTotals(String grand, String net, List<String> taxes, List<String> totalCurrencies, String lineCurrency) {

    public PosLogTotals {
        taxes = List.copyOf(taxes);
        totalCurrencies = List.copyOf(totalCurrencies);
    }
}
