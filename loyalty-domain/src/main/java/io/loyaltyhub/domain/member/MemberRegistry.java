package io.loyaltyhub.domain.member;

import io.loyaltyhub.domain.crypto.KeyWrap;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import io.loyaltyhub.domain.persistence.Sql;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Members' personal data: enrolment, the contacts a merchant may see ({@link MemberContacts}), and erasure.
 * Every field is sealed with AES-256-GCM under its owner's data key, with the table, owner, account and field
 * as associated data, so a value moved to another row, field or owner does not open.
 */
public final class MemberRegistry implements MemberContacts {
    private static final int CHUNK = 500;
    private static final String[] FIELDS = {"name", "email", "phone", "birth_date"};

    private final Database database;
    private final DataKeys keys;
    private final ContactIndex index;
    private final Clock clock;

    public MemberRegistry(Database database, DataKeys keys, ContactIndex index, Clock clock) {
        this.database = database;
        this.keys = keys;
        this.index = index;
        this.clock = clock;
    }

    /** Operator-side enrolment: the coalition's copy under the operator key, and a contact copy for each consented merchant. */
    public void enrolByOperator(MemberEnrolment member) {
        inTransaction(c -> {
            requireAccount(c, member.accountId());
            write(c, DataKeys.OPERATOR, null, member, true, false);
            for (MerchantId merchant : member.marketingConsent()) {
                write(c, DataKeys.ownerOf(merchant), merchant, member, false, true);
            }
            return null;
        });
    }

    /** Merchant-side enrolment: only this merchant holds the data, under its own key; consent to its marketing as given. */
    public void enrolByMerchant(MerchantId merchant, MemberEnrolment member) {
        inTransaction(c -> {
            requireAccount(c, member.accountId());
            write(c, DataKeys.ownerOf(merchant), merchant, member, true, member.marketingConsent().contains(merchant));
            return null;
        });
    }

    @Override
    public Map<Long, Contact> consentedContacts(MerchantId merchant, Collection<Long> accountIds) {
        Map<Long, Contact> contacts = new HashMap<>();
        List<Long> ids = List.copyOf(accountIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            contacts.putAll(inTransaction(c -> readContacts(c, merchant, chunk)));
        }
        return contacts;
    }

    /**
     * The accounts of members who consented to hear from {@code merchant} and gave this email address (compared without
     * case) or phone number (compared by its digits): how a cloud POS sale without a card number finds its member. Reads
     * and opens every consented contact of the merchant, so it costs one pass over them per call.
     */
    /**
     * One indexed look-up of the keyed hashes ({@link ContactIndex}); copies written before the hashes existed are
     * opened once, hashed, and found by the hash from then on.
     */
    @Override
    public java.util.Set<Long> consentedAccountsWithContact(MerchantId merchant, String email, String phone) {
        String owner = DataKeys.ownerOf(merchant);
        String emailHash = index.ofEmail(owner, email);
        String phoneHash = index.ofPhone(owner, phone);
        if (emailHash == null && phoneHash == null) {
            return java.util.Set.of();
        }
        return inTransaction(c -> {
            hashCopiesWrittenBeforeTheIndex(c, merchant, owner);
            java.util.Set<Long> found = new java.util.TreeSet<>();
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT account_id FROM member_personal_data "
                    + "WHERE merchant_id = :merchant AND owner_ref = ? AND marketing_consent = 1 "
                    + "AND (email_index = ? OR phone_index = ?)")) {
                ps.setString(1, owner);
                ps.setString(2, emailHash);
                ps.setString(3, phoneHash);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getLong(1));
                    }
                }
            }
            return found;
        });
    }

    private void hashCopiesWrittenBeforeTheIndex(Connection c, MerchantId merchant, String owner) throws SQLException {
        List<Long> accounts = new java.util.ArrayList<>();
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT account_id FROM member_personal_data "
                + "WHERE merchant_id = :merchant AND owner_ref = ? AND marketing_consent = 1 AND email_index IS NULL "
                + "AND phone_index IS NULL AND (email_enc IS NOT NULL OR phone_enc IS NOT NULL) "
                + "AND data_key_id IN (SELECT id FROM data_key WHERE destroyed_at IS NULL)")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    accounts.add(rs.getLong(1));
                }
            }
        }
        for (int from = 0; from < accounts.size(); from += CHUNK) {
            Map<Long, Contact> contacts = readContacts(c, merchant, accounts.subList(from, Math.min(accounts.size(), from + CHUNK)));
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE member_personal_data SET email_index = ?, "
                    + "phone_index = ? WHERE owner_ref = ? AND account_id = ?")) {
                for (Map.Entry<Long, Contact> contact : contacts.entrySet()) {
                    ps.setString(1, index.ofEmail(owner, contact.getValue().email()));
                    ps.setString(2, index.ofPhone(owner, contact.getValue().phone()));
                    ps.setString(3, owner);
                    ps.setLong(4, contact.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** The operator's view of a member (support, data subject access requests); empty once erased or never enrolled. */
    public Optional<Map<String, String>> operatorRecord(long accountId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT data_key_id, name_enc, email_enc, phone_enc, birth_date_enc "
                    + "FROM member_personal_data WHERE owner_ref = ? AND account_id = ?")) {
                ps.setString(1, DataKeys.OPERATOR);
                ps.setLong(2, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    KeyWrap key = keys.byId(c, rs.getLong(1));
                    Map<String, String> record = new HashMap<>();
                    for (int i = 0; i < FIELDS.length; i++) {
                        record.put(FIELDS[i], open(key, DataKeys.OPERATOR, accountId, FIELDS[i], rs.getString(i + 2)));
                    }
                    return Optional.of(record);
                }
            }
        });
    }

    /**
     * Erasure (GDPR art. 17): every copy of the member's personal data is deleted. The account, its card tokens and
     * its ledger stay, now pseudonymous, so balances and the ledger still add up. Returns the copies deleted.
     */
    public int erase(long accountId) {
        return inTransaction(c -> {
            requireAccount(c, accountId);
            int deleted;
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("DELETE FROM member_personal_data WHERE account_id = ?")) {
                ps.setLong(1, accountId);
                deleted = ps.executeUpdate();
            }
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE member_account SET erased_at = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant()));
                ps.setLong(2, accountId);
                ps.executeUpdate();
            }
            return deleted;
        });
    }

    /** Crypto-shredding of a merchant's personal data (part of offboarding): its data keys are destroyed, its rows stay unreadable. */
    public int destroyMerchantKeys(Connection c, MerchantId merchant) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("UPDATE member_personal_data SET email_index = NULL, "
                + "phone_index = NULL WHERE owner_ref = ?")) {
            ps.setString(1, DataKeys.ownerOf(merchant)); // a shredded copy must not still answer "is this email here?"
            ps.executeUpdate();
        }
        return keys.destroyAll(c, DataKeys.ownerOf(merchant));
    }

    private Map<Long, Contact> readContacts(Connection c, MerchantId merchant, List<Long> accountIds) throws SQLException {
        Map<Long, Contact> found = new HashMap<>();
        String owner = DataKeys.ownerOf(merchant);
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT account_id, data_key_id, name_enc, "
                + "email_enc, phone_enc FROM member_personal_data WHERE merchant_id = :merchant AND owner_ref = ? "
                + "AND marketing_consent = 1 AND account_id IN (" + Sql.placeholders(accountIds.size()) + ")")) {
            ps.setString(1, owner);
            for (int i = 0; i < accountIds.size(); i++) {
                ps.setLong(i + 2, accountIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                Map<Long, KeyWrap> byKeyId = new HashMap<>();
                while (rs.next()) {
                    long account = rs.getLong(1);
                    KeyWrap key = byKeyId.get(rs.getLong(2));
                    if (key == null) {
                        key = keys.byId(c, rs.getLong(2));
                        byKeyId.put(rs.getLong(2), key);
                    }
                    found.put(account, new Contact(open(key, owner, account, "name", rs.getString(3)),
                            open(key, owner, account, "email", rs.getString(4)), open(key, owner, account, "phone", rs.getString(5))));
                }
            }
        }
        return found;
    }

    private void write(Connection c, String owner, MerchantId merchant, MemberEnrolment member, boolean withBirthDate,
                       boolean consent) throws SQLException {
        DataKeys.DataKey key = keys.currentFor(c, owner, merchant);
        try (PreparedStatement delete = CoalitionSql.on(c).prepare("DELETE FROM member_personal_data WHERE owner_ref = ? AND account_id = ?")) {
            delete.setString(1, owner);
            delete.setLong(2, member.accountId());
            delete.executeUpdate();
        }
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("INSERT INTO member_personal_data (owner_ref, merchant_id, account_id, "
                + "data_key_id, name_enc, email_enc, phone_enc, birth_date_enc, marketing_consent, recorded_at, "
                + "email_index, phone_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long account = member.accountId();
            ps.setString(1, owner);
            ps.setObject(2, merchant == null ? null : merchant.value());
            ps.setLong(3, account);
            ps.setLong(4, key.id());
            ps.setString(5, seal(key.key(), owner, account, "name", member.name()));
            ps.setString(6, seal(key.key(), owner, account, "email", member.email()));
            ps.setString(7, seal(key.key(), owner, account, "phone", member.phone()));
            ps.setString(8, withBirthDate && member.birthDate() != null
                    ? seal(key.key(), owner, account, "birth_date", member.birthDate().toString()) : null);
            ps.setInt(9, consent ? 1 : 0);
            ps.setTimestamp(10, Timestamp.from(clock.instant()));
            ps.setString(11, index.ofEmail(owner, member.email()));
            ps.setString(12, index.ofPhone(owner, member.phone()));
            ps.executeUpdate();
        }
    }

    private static String seal(KeyWrap key, String owner, long account, String field, String value) {
        if (value == null) {
            return null;
        }
        return Base64.getEncoder().encodeToString(key.seal(value.getBytes(StandardCharsets.UTF_8),
                associatedData(owner, account, field)));
    }

    private static String open(KeyWrap key, String owner, long account, String field, String sealed) {
        if (sealed == null) {
            return null;
        }
        return new String(key.open(Base64.getDecoder().decode(sealed), associatedData(owner, account, field)), StandardCharsets.UTF_8);
    }

    static String associatedData(String owner, long account, String field) {
        return "member_personal_data:" + owner + ":" + account + ":" + field;
    }

    private static void requireAccount(Connection c, long accountId) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT 1 FROM member_account WHERE id = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no member account " + accountId);
                }
            }
        }
    }

    private <T> T inTransaction(Database.JdbcWork<T> work) {
        return database.inJdbcTransaction("member data", work);
    }
}
