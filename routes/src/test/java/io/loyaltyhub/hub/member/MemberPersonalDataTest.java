package io.loyaltyhub.hub.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.crypto.KeyWrap;
import io.loyaltyhub.domain.member.DataKeys;
import io.loyaltyhub.domain.member.MemberContacts;
import io.loyaltyhub.domain.member.MemberEnrolment;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Members' personal data on a real hub: encrypted at rest, per-merchant consent, erasure, and offboarding by crypto-shredding. */
@Slow
class MemberPersonalDataTest {
    private static HubFixture fixture;

    @BeforeAll
    static void startHub() {
        // no terminal cache, so an offboarded merchant's terminals are refused at once
        fixture = HubFixture.start(java.util.Map.of("hub.terminal-cache.ttl-seconds", "0"), List.of());
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    @Test
    void aMerchantSeesOnlyContactsThatConsentedToItAndNothingIsStoredInClear() {
        HubFixture.Merchant books = fixture.merchant();
        HubFixture.Merchant pharma = fixture.merchant();
        long account = activate(books, HubFixture.card(601));
        fixture.hub().members().enrolByOperator(new MemberEnrolment(account, "Ada Lovelace", "ada@example.org", "+44 20 7946 0000",
                LocalDate.of(1815, 12, 10), Set.of(books.id())));

        MemberContacts contacts = fixture.hub().memberContacts();
        assertThat(contacts.consentedContacts(books.id(), List.of(account)))
                .containsEntry(account, new MemberContacts.Contact("Ada Lovelace", "ada@example.org", "+44 20 7946 0000"));
        assertThat(contacts.consentedContacts(pharma.id(), List.of(account))).isEmpty();
        assertThat(fixture.hub().members().operatorRecord(account)).get().extracting(r -> r.get("birth_date")).isEqualTo("1815-12-10");
        // The phone number as stored would be "+44 20 7946 0000"; a shorter needle matches digits of generated ids.
        assertThat(dump()).doesNotContain("Ada Lovelace", "ada@example.org", "20 7946 0000", "1815-12-10");
    }

    @Test
    void aSealedValueMovedToAnotherMembersRowDoesNotOpen() throws SQLException {
        HubFixture.Merchant shop = fixture.merchant();
        long first = activate(shop, HubFixture.card(611));
        long second = activate(shop, HubFixture.card(612));
        fixture.hub().members().enrolByMerchant(shop.id(), new MemberEnrolment(first, "First", "first@example.org", null, null,
                Set.of(shop.id())));
        fixture.hub().members().enrolByMerchant(shop.id(), new MemberEnrolment(second, "Second", "second@example.org", null, null,
                Set.of(shop.id())));
        execute("UPDATE member_personal_data SET email_enc = (SELECT email_enc FROM member_personal_data WHERE account_id = ? "
                + "AND owner_ref = ?) WHERE account_id = ? AND owner_ref = ?", first, DataKeys.ownerOf(shop.id()), second,
                DataKeys.ownerOf(shop.id()));
        assertThatThrownBy(() -> fixture.hub().memberContacts().consentedContacts(shop.id(), List.of(second)))
                .isInstanceOf(KeyWrap.SealBrokenException.class);
    }

    @Test
    void erasureRemovesEveryCopyAndLeavesAPseudonymousLedgerThatStillAddsUp() {
        HubFixture.Merchant shop = fixture.merchant();
        String card = HubFixture.card(621);
        long account = activate(shop, card);
        fixture.swipe(shop, sale("e-2", card, 2500));
        fixture.hub().members().enrolByOperator(new MemberEnrolment(account, "Grace Hopper", "grace@example.org", null,
                LocalDate.of(1906, 12, 9), Set.of(shop.id())));

        assertThat(fixture.hub().members().erase(account)).isEqualTo(2);

        assertThat(fixture.hub().memberContacts().consentedContacts(shop.id(), List.of(account))).isEmpty();
        assertThat(fixture.hub().members().operatorRecord(account)).isEmpty();
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM member_personal_data WHERE account_id = ?", account)).isZero();
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM member_account WHERE id = ? AND erased_at IS NOT NULL", account)).isEqualTo(1);
        long balance = fixture.balanceOf(card);
        assertThat(balance).isEqualTo(35);
        assertThat(fixture.queryLong("SELECT SUM(points) FROM ledger_entry WHERE account_id = ?", account)).isEqualTo(balance);
        assertThat(fixture.swipe(shop, sale("e-3", card, 100)).body()).contains("\"balance\":36");
    }

    @Test
    void offboardingShredsTheMerchantsDataLeavingOnlyCiphertextAndDisablesItsTerminals() throws SQLException {
        HubFixture.Merchant leaving = fixture.merchant();
        HubFixture.Merchant staying = fixture.merchant();
        String card = HubFixture.card(631);
        long account = activate(leaving, card);
        fixture.hub().members().enrolByMerchant(leaving.id(), new MemberEnrolment(account, "Katherine Johnson",
                "katherine@example.org", "+1 555 0100", LocalDate.of(1918, 8, 26), Set.of(leaving.id())));
        assertThat(fixture.hub().memberContacts().consentedContacts(leaving.id(), List.of(account))).hasSize(1);

        var result = fixture.hub().offboarding().offboard(leaving.id());

        assertThat(result.dataKeysDestroyed()).isEqualTo(1);
        assertThat(result.terminalsDisabled()).isEqualTo(1);
        // the ciphertext is still there ...
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM member_personal_data WHERE merchant_id = ? AND email_enc IS NOT NULL",
                leaving.id().value())).isEqualTo(1);
        // ... its key is gone ...
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM data_key WHERE owner_ref = ? AND wrapped_key IS NULL AND status = 'DESTROYED'",
                DataKeys.ownerOf(leaving.id()))).isEqualTo(1);
        // ... so nothing can decrypt it, and nothing else in the database reveals it
        assertThatThrownBy(() -> fixture.hub().memberContacts().consentedContacts(leaving.id(), List.of(account)))
                .isInstanceOf(DataKeys.DataKeyDestroyedException.class);
        assertThatThrownBy(() -> fixture.hub().members().enrolByMerchant(leaving.id(), new MemberEnrolment(account, "Again", null,
                null, null, Set.of()))).isInstanceOf(DataKeys.DataKeyDestroyedException.class);
        assertThat(dump()).doesNotContain("Katherine Johnson", "katherine@example.org", "555 0100", "1918-08-26");
        // the terminals are refused; another merchant is unaffected, and the member's points remain
        assertThat(fixture.swipe(leaving, sale("o-2", card, 100)).statusCode()).isEqualTo(401);
        assertThat(fixture.swipe(staying, sale("o-3", card, 100)).statusCode()).isEqualTo(200);
        assertThat(fixture.balanceOf(card)).isEqualTo(11);
    }

    private static long activate(HubFixture.Merchant m, String card) {
        assertThat(fixture.swipe(m, sale("a-" + card.substring(12), card, 1000)).statusCode()).isEqualTo(200);
        return fixture.queryLong("SELECT account_id FROM card WHERE token = ?", fixture.hub().cardReader().read(card).token().hash());
    }

    private static String sale(String ref, String card, long amount) {
        return "{\"txnRef\":\"" + ref + "\",\"cardNumber\":\"" + card + "\",\"amount\":" + amount + ",\"currency\":\"EUR\"}";
    }

    private static void execute(String sql, Object... params) throws SQLException {
        try (Connection c = fixture.hub().database().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
            c.commit();
        }
    }

    /** The whole embedded database as SQL text. */
    private static String dump() {
        StringBuilder out = new StringBuilder();
        try (Connection c = fixture.hub().database().connection(); ResultSet rs = c.createStatement().executeQuery("SCRIPT")) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

}
