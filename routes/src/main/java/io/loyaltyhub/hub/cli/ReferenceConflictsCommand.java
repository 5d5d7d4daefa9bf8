package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.admin.ReferenceConflicts;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.hub.config.HubSettings;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reference-conflicts}: the messages the engine refused as {@code reference-reused} — a till sent a
 * reference it had already used, with another amount, card or original (a sequence number reused after a reset,
 * say). Each line is a purchase that was not credited: the merchant should send it again under a new reference.
 */
@Command(name = "reference-conflicts", mixinStandardHelpOptions = true,
        description = "List transactions refused because their terminal had already used their reference for other "
                + "content (reference-reused): newest first, each beside the transaction that holds the reference.")
final class ReferenceConflictsCommand implements Callable<Integer> {
    @Mixin
    SettingsOptions settings;
    @Option(names = "--merchant", paramLabel = "CODE", description = "only this merchant's (default: every merchant's)")
    String merchant;
    @Option(names = "--limit", defaultValue = "50", description = "at most this many per merchant (default 50)")
    int limit;

    @Override
    public Integer call() {
        HubSettings s = settings.load();
        try (Database db = Database.open(s.databaseConfig(2))) {
            CoalitionAdmin admin = new CoalitionAdmin(db, s.ids(IdSource.COMMAND_LINE), Clock.systemUTC());
            Map<String, MerchantId> merchants = new LinkedHashMap<>();
            if (merchant != null) {
                merchants.put(merchant, admin.merchantByCode(merchant));
            } else {
                admin.listMerchantsAcrossTenants().forEach(m -> merchants.put(m.getCode(), new MerchantId(m.getId())));
            }
            int listed = print(new ReferenceConflicts(db), merchants, System.out);
            System.out.printf("%d conflict(s)%n", listed);
        }
        return 0;
    }

    private int print(ReferenceConflicts conflicts, Map<String, MerchantId> merchants, PrintStream out) {
        int listed = 0;
        for (Map.Entry<String, MerchantId> m : merchants.entrySet()) {
            for (ReferenceConflicts.Conflict c : conflicts.of(m.getValue(), limit)) {
                out.printf("%s merchant %s terminal %s ref %s %s via %s: refused ****%s %s; the reference holds ****%s %s (%s, %s)%n",
                        c.seenAt(), m.getKey(), c.terminalCode(), c.txnRef(), c.type(), c.channel(), c.last4(),
                        amount(c.amountMinor(), c.currency()), c.firstLast4(), amount(c.firstAmountMinor(), c.firstCurrency()),
                        c.firstResult().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), c.firstRecordedAt());
                listed++;
            }
        }
        return listed;
    }

    /** Minor units as the currency writes them (1250 EUR as 12.50 EUR): display only. */
    private static String amount(long minorUnits, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(minorUnits, digits).toPlainString() + " " + currency;
    }
}
