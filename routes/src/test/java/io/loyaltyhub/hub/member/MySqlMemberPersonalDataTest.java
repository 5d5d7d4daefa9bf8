package io.loyaltyhub.hub.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.member.DataKeys;
import io.loyaltyhub.domain.member.MemberContacts;
import io.loyaltyhub.domain.member.MemberEnrolment;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.testing.TestDatabases;
import io.loyaltyhub.hub.HubFixture;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Enrolment, consent, erasure and offboarding on a MySQL-compatible server through MySQL Connector/J. */
@Slow
class MySqlMemberPersonalDataTest {

    @Test
    void personalDataLifecycleOnMySql() {
        DatabaseConfig db = TestDatabases.freshMySql();
        try (HubFixture fixture = HubFixture.start(Map.of("hub.db.url", db.url(), "hub.db.user", db.user(),
                "hub.db.password", db.password(), "hub.terminal-cache.ttl-seconds", "0"), List.of())) {
            HubFixture.Merchant books = fixture.merchant();
            HubFixture.Merchant pharma = fixture.merchant();
            String card = HubFixture.card(801);
            assertThat(fixture.swipe(books, "{\"txnRef\":\"m-1\",\"cardNumber\":\"" + card
                    + "\",\"amount\":1000,\"currency\":\"EUR\"}").statusCode()).isEqualTo(200);
            long account = fixture.queryLong("SELECT account_id FROM card WHERE token = ?",
                    fixture.hub().cardReader().read(card).token().hash());

            fixture.hub().members().enrolByOperator(new MemberEnrolment(account, "Mary Somerville", "mary@example.org", null,
                    LocalDate.of(1780, 12, 26), Set.of(books.id(), pharma.id())));
            assertThat(fixture.hub().memberContacts().consentedContacts(pharma.id(), List.of(account)))
                    .containsEntry(account, new MemberContacts.Contact("Mary Somerville", "mary@example.org", null));
            assertThat(fixture.queryLong("SELECT COUNT(*) FROM member_personal_data WHERE email_enc LIKE '%mary%'")).isZero();

            fixture.hub().offboarding().offboard(pharma.id());
            assertThatThrownBy(() -> fixture.hub().memberContacts().consentedContacts(pharma.id(), List.of(account)))
                    .isInstanceOf(DataKeys.DataKeyDestroyedException.class);
            assertThat(fixture.hub().memberContacts().consentedContacts(books.id(), List.of(account))).hasSize(1);

            assertThat(fixture.hub().members().erase(account)).isEqualTo(3);
            assertThat(fixture.hub().memberContacts().consentedContacts(books.id(), List.of(account))).isEmpty();
            assertThat(fixture.balanceOf(card)).isEqualTo(10);
        } finally {
            TestDatabases.dropMySql(db);
        }
    }
}
