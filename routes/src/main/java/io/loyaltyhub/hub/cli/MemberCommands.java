package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.member.CardAccounts;
import io.loyaltyhub.domain.member.DataKeys;
import io.loyaltyhub.domain.member.MemberEnrolment;
import io.loyaltyhub.domain.crypto.KeyDerivation;
import io.loyaltyhub.domain.member.ContactIndex;
import io.loyaltyhub.domain.member.MemberRegistry;
import io.loyaltyhub.domain.member.MerchantOffboarding;
import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.hub.LoyaltyHub;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.keys.HubKeyStore;
import io.loyaltyhub.hub.keys.HubKeys;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.portal.MemberPins;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The operator's personal-data commands (docs/security.md): enrol, erase, offboard a merchant. */
final class MemberCommands {
    private MemberCommands() {
    }

    static final class Member {
        @Option(names = "--card", description = "a card of the member (already swiped once), read and forgotten at once")
        String card;
        @Option(names = "--account", description = "the member account id")
        Long account;
    }

    abstract static class MemberCommand implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        interface Work {
            int run(Database db, HubKeyStore keys, CoalitionAdmin admin, MemberRegistry members);
        }

        int withMembers(Work work) {
            HubSettings s = settings.load();
            HubKeyStore keys = HubKeys.open(s);
            try (Database db = Database.open(s.databaseConfig(2))) {
                IdGenerator ids = s.ids(IdSource.COMMAND_LINE);
                CoalitionAdmin admin = new CoalitionAdmin(db, ids, Clock.systemUTC());
                return work.run(db, keys, admin, new MemberRegistry(db, new DataKeys(db, keys.masterKey(), ids, Clock.systemUTC()),
                        new ContactIndex(KeyDerivation.derive(keys.derivationSecret(), ContactIndex.KEY_PURPOSE, 32)),
                        Clock.systemUTC()));
            }
        }

        static long accountOf(Member member, Database db, HubKeyStore keys, CoalitionAdmin admin) {
            if (member.account != null) {
                return member.account;
            }
            PresentedCard card = LoyaltyHub.cardReader(keys, admin::loadCardCatalog).read(member.card);
            List<String> tokens = new ArrayList<>();
            tokens.add(card.token().hash());
            card.earlierTokens().stream().map(CardToken::hash).forEach(tokens::add);
            // CardToken's text is "card ****1238" already
            return new CardAccounts(db).accountOf(tokens).orElseThrow(
                    () -> new IllegalArgumentException(card.token() + " has not been activated yet (swipe it once)"));
        }
    }

    @Command(name = "member-enrol", mixinStandardHelpOptions = true,
            description = "Record a member's personal data, encrypted (operator-side, or --by-merchant for a merchant's own enrolment).")
    static final class Enrol extends MemberCommand {
        @ArgGroup(multiplicity = "1") Member member;
        @Option(names = "--name", required = true, description = "the member's name (stored encrypted)") String name;
        @Option(names = "--email", description = "the member's e-mail address (stored encrypted)") String email;
        @Option(names = "--phone", description = "the member's phone number (stored encrypted)") String phone;
        @Option(names = "--birth-date", description = "YYYY-MM-DD") LocalDate birthDate;
        @Option(names = "--consent", split = ",", description = "merchant codes the member agreed to hear from")
        List<String> consent = new ArrayList<>();
        @Option(names = "--by-merchant", description = "the merchant enrolling its own customer (only it will hold the data)")
        String byMerchant;

        @Override
        public Integer call() {
            return withMembers((db, keys, admin, members) -> {
                long account = accountOf(member, db, keys, admin);
                Set<MerchantId> consented = new LinkedHashSet<>();
                consent.forEach(code -> consented.add(admin.merchantByCode(code)));
                MemberEnrolment enrolment = new MemberEnrolment(account, name, email, phone, birthDate, consented);
                if (byMerchant != null) {
                    members.enrolByMerchant(admin.merchantByCode(byMerchant), enrolment);
                } else {
                    members.enrolByOperator(enrolment);
                }
                System.out.printf("member account %d enrolled (personal data encrypted), marketing consent for %s%n", account,
                        consent.isEmpty() ? "no merchant" : String.join(", ", consent));
                return 0;
            });
        }
    }

    @Command(name = "member-erase", mixinStandardHelpOptions = true,
            description = "Erase a member's personal data, her member-page PIN and sessions; the account, its points and its ledger stay, pseudonymous.")
    static final class Erase extends MemberCommand {
        @ArgGroup(multiplicity = "1") Member member;

        @Override
        public Integer call() {
            return withMembers((db, keys, admin, members) -> {
                long account = accountOf(member, db, keys, admin);
                int copies = members.erase(account);
                // Her way into the member page goes too: the PIN and every open session.
                int access = new MemberPins(db, Clock.systemUTC(), Argon2idHasher.recommended()).forget(account);
                System.out.printf("member account %d: %d cop%s of personal data erased, %d PIN and session row%s removed; "
                        + "points and ledger kept%n", account, copies, copies == 1 ? "y" : "ies", access, access == 1 ? "" : "s");
                return 0;
            });
        }
    }

    @Command(name = "merchant-offboard", mixinStandardHelpOptions = true,
            description = "Offboard a merchant: destroy its data keys (its personal data becomes unreadable) and disable its terminals.")
    static final class Offboard extends MemberCommand {
        @Option(names = "--merchant", required = true, description = "code of the merchant leaving the coalition") String merchant;

        @Override
        public Integer call() {
            return withMembers((db, keys, admin, members) -> {
                MerchantOffboarding.Result result = new MerchantOffboarding(db, members).offboard(admin.merchantByCode(merchant));
                System.out.printf("merchant %s offboarded: %d data key(s) destroyed, %d terminal(s) disabled (running hubs stop "
                        + "accepting them within hub.terminal-cache.ttl-seconds)%n", merchant, result.dataKeysDestroyed(),
                        result.terminalsDisabled());
                return 0;
            });
        }
    }
}
