package io.loyaltyhub.domain.admin;

import io.loyaltyhub.domain.card.CardCatalog;
import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CardRange;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.crypto.SecretHasher;
import io.loyaltyhub.domain.merchant.MerchantCredential;
import io.loyaltyhub.domain.merchant.MerchantCredentials;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.entity.CardProgrammeEntity;
import io.loyaltyhub.domain.persistence.entity.CardRangeEntity;
import io.loyaltyhub.domain.persistence.entity.EarnRule;
import io.loyaltyhub.domain.persistence.entity.Merchant;
import io.loyaltyhub.domain.persistence.entity.Store;
import io.loyaltyhub.domain.persistence.entity.Terminal;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BiFunction;
import org.hibernate.Session;

/**
 * The operator's onboarding: merchants, their stores, terminals and earn rates, and card programmes with
 * issued ranges. Merchant-owned rows are written through a session of that merchant, so Hibernate's
 * tenant column is set by the session, not by hand.
 */
public final class CoalitionAdmin {
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;

    public CoalitionAdmin(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    public MerchantId createMerchant(String code, String name) {
        requireCode(code, "merchant code");
        MerchantId merchant = new MerchantId(ids.nextId());
        database.inOperatorTransaction(s -> {
            addMerchant(s, merchant, code, name);
            return null;
        });
        return merchant;
    }

    /**
     * A new merchant with its earn rate in one currency, in one transaction: a failure at either step leaves no
     * merchant behind.
     */
    public MerchantId createMerchant(String code, String name, String currency, EarnRate rate) {
        return onboard(code, name, currency, rate, (tenant, merchant) -> merchant);
    }

    /**
     * A new merchant with its earn rate in one currency and its first report credential, in one transaction: a
     * failure at any step (a duplicate code, the database gone) leaves no merchant behind.
     */
    public MerchantCredential onboardMerchant(String code, String name, String currency, EarnRate rate,
                                              MerchantCredentials credentials) {
        return onboard(code, name, currency, rate, credentials::issue);
    }

    private <T> T onboard(String code, String name, String currency, EarnRate rate,
                          BiFunction<Session, MerchantId, T> thenForTheMerchant) {
        requireCode(code, "merchant code");
        Money.currencyOf(currency);
        MerchantId merchant = new MerchantId(ids.nextId());
        return database.inOnboardingTransaction(merchant, (operator, tenant) -> {
            addMerchant(operator, merchant, code, name);
            setEarnRate(tenant, currency, rate);
            return thenForTheMerchant.apply(tenant, merchant);
        });
    }

    private void addMerchant(Session operator, MerchantId merchant, String code, String name) {
        if (operator.createSelectionQuery("from Merchant where code = :code", Merchant.class).setParameter("code", code)
                .uniqueResultOptional().isPresent()) {
            throw new IllegalArgumentException("merchant " + code + " already exists");
        }
        operator.persist(new Merchant(merchant.value(), code, name, now()));
    }

    public List<Merchant> listMerchantsAcrossTenants() {
        return database.inOperatorTransaction(s -> s.createSelectionQuery("from Merchant order by code", Merchant.class)
                .getResultList());
    }

    public MerchantId merchantByCode(String code) {
        return findMerchantByCode(code).orElseThrow(() -> new IllegalArgumentException("no merchant with code " + code));
    }

    public void setEarnRate(MerchantId merchant, String currency, EarnRate rate) {
        Money.currencyOf(currency);
        database.inMerchantTransaction(merchant, s -> {
            setEarnRate(s, currency, rate);
            return null;
        });
    }

    /** @param merchantSession a session of the merchant whose rate it is */
    private void setEarnRate(Session merchantSession, String currency, EarnRate rate) {
        EarnRule rule = merchantSession.createSelectionQuery("from EarnRule where currency = :c", EarnRule.class)
                .setParameter("c", currency).uniqueResult();
        if (rule == null) {
            merchantSession.persist(new EarnRule(ids.nextId(), currency, rate.points(), rate.perMinorUnits()));
        } else {
            rule.changeRate(rate.points(), rate.perMinorUnits());
        }
    }

    public StoreId addStore(MerchantId merchant, String code, String name) {
        requireCode(code, "store code");
        long id = ids.nextId();
        database.inMerchantTransaction(merchant, s -> {
            if (s.createSelectionQuery("from Store where code = :code", Store.class).setParameter("code", code)
                    .uniqueResultOptional().isPresent()) {
                throw new IllegalArgumentException("the merchant already has a store " + code);
            }
            s.persist(new Store(id, code, name));
            return null;
        });
        return new StoreId(id);
    }

    public TerminalCredential addTerminal(MerchantId merchant, String storeCode, String terminalCode) {
        requireCode(terminalCode, "terminal code");
        long id = ids.nextId();
        String credentialId = SecretHasher.newCredentialId("term-");
        String secret = SecretHasher.newSecret();
        database.inMerchantTransaction(merchant, s -> {
            Store store = s.createSelectionQuery("from Store where code = :code", Store.class)
                    .setParameter("code", storeCode).uniqueResultOptional()
                    .orElseThrow(() -> new IllegalArgumentException("merchant has no store with code " + storeCode));
            if (s.createSelectionQuery("from Terminal where code = :code", Terminal.class).setParameter("code", terminalCode)
                    .uniqueResultOptional().isPresent()) {
                throw new IllegalArgumentException("the merchant already has a terminal " + terminalCode);
            }
            s.persist(new Terminal(id, store.getId(), terminalCode, credentialId, SecretHasher.hash(secret)));
            return null;
        });
        return new TerminalCredential(id, terminalCode, credentialId, secret);
    }

    /** A new secret for an existing terminal (the old one stops working at once on this node, within the cache TTL elsewhere). */
    public TerminalCredential resetTerminalSecret(MerchantId merchant, String terminalCode) {
        String secret = SecretHasher.newSecret();
        return database.inMerchantTransaction(merchant, s -> {
            Terminal terminal = s.createSelectionQuery("from Terminal where code = :code", Terminal.class)
                    .setParameter("code", terminalCode).uniqueResultOptional()
                    .orElseThrow(() -> new IllegalArgumentException("merchant has no terminal with code " + terminalCode));
            terminal.replaceSecret(SecretHasher.hash(secret));
            return new TerminalCredential(terminal.getId(), terminalCode, terminal.getCredentialId(), secret);
        });
    }

    /**
     * Disables an active terminal of this merchant: its logins are refused at once on this node, within the terminal
     * cache's TTL elsewhere. False when it is disabled already.
     *
     * @throws IllegalArgumentException when the merchant has no terminal of that code
     */
    public boolean disableTerminal(MerchantId merchant, String terminalCode) {
        return database.inMerchantTransaction(merchant, s -> {
            Terminal terminal = s.createSelectionQuery("from Terminal where code = :code", Terminal.class)
                    .setParameter("code", terminalCode).uniqueResultOptional()
                    .orElseThrow(() -> new IllegalArgumentException("merchant has no terminal with code " + terminalCode));
            if (!"ACTIVE".equals(terminal.getStatus())) {
                return false;
            }
            terminal.disable();
            return true;
        });
    }

    public java.util.Optional<MerchantId> findMerchantByCode(String code) {
        return database.inOperatorTransaction(s -> s.createSelectionQuery("from Merchant where code = :code", Merchant.class)
                .setParameter("code", code).uniqueResultOptional().map(m -> new MerchantId(m.getId())));
    }

    public java.util.Optional<CardProgramme> findCardProgramme(String name) {
        return loadCardCatalog().programmes().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public CardProgramme createCardProgramme(String name, String prefix, int length, CheckDigitRule checkDigit) {
        CardProgramme programme = new CardProgramme(ids.nextId(), name, prefix, length, checkDigit);
        if (findCardProgramme(name).isPresent()) {
            throw new IllegalArgumentException("card programme " + name + " already exists");
        }
        database.inOperatorTransaction(s -> {
            s.persist(new CardProgrammeEntity(programme.id(), programme.name(), programme.prefix(), programme.length(),
                    programme.checkDigit().name()));
            return null;
        });
        return programme;
    }

    public CardRange issueCardRange(CardProgramme programme, String firstNumber, String lastNumber) {
        if (!programme.matchesShape(firstNumber) || !programme.matchesShape(lastNumber)) {
            throw new IllegalArgumentException("range bounds must be numbers of programme " + programme.name()
                    + " (" + programme.length() + " digits starting " + programme.prefix() + ")");
        }
        CardRange range = new CardRange(ids.nextId(), programme.id(), firstNumber, lastNumber);
        database.inOperatorTransaction(s -> {
            // A range at a time per programme (its row locked), so the same form sent twice at once cannot double it.
            s.find(CardProgrammeEntity.class, programme.id(), LockModeType.PESSIMISTIC_WRITE);
            if (overlapsAnIssuedRange(s, range)) {
                throw new IllegalArgumentException("the range overlaps a range already issued: a card number belongs to "
                        + "one range (a form sent twice issues nothing the second time)");
            }
            s.persist(new CardRangeEntity(range.id(), range.programmeId(), range.firstNumber(), range.lastNumber(), now()));
            return null;
        });
        return range;
    }

    /** Any programme's range of card numbers of the same length: equal lengths compare as text as they do as numbers. */
    private static boolean overlapsAnIssuedRange(Session s, CardRange range) {
        return !s.createSelectionQuery("from CardRangeEntity r where length(r.firstNumber) = :length "
                        + "and r.firstNumber <= :last and r.lastNumber >= :first", CardRangeEntity.class)
                .setParameter("length", range.firstNumber().length()).setParameter("first", range.firstNumber())
                .setParameter("last", range.lastNumber()).setMaxResults(1).getResultList().isEmpty();
    }

    public CardCatalog loadCardCatalog() {
        return database.inOperatorTransaction(s -> new CardCatalog(
                s.createSelectionQuery("from CardProgrammeEntity", CardProgrammeEntity.class).getResultList().stream()
                        .map(CoalitionAdmin::programme).toList(),
                s.createSelectionQuery("from CardRangeEntity", CardRangeEntity.class).getResultList().stream()
                        .map(CoalitionAdmin::range).toList()));
    }

    private static CardProgramme programme(CardProgrammeEntity row) {
        return new CardProgramme(row.getId(), row.getName(), row.getPrefix(), row.getPanLength(),
                CheckDigitRule.valueOf(row.getCheckDigit()));
    }

    private static CardRange range(CardRangeEntity row) {
        return new CardRange(row.getId(), row.getProgrammeId(), row.getFirstNumber(), row.getLastNumber());
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static void requireCode(String code, String what) {
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException(what + " must be 1-32 characters of letters, digits, _ or -");
        }
    }
}
