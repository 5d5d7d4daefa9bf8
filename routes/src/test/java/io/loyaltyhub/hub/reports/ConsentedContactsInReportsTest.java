package io.loyaltyhub.hub.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.member.MemberEnrolment;
import io.loyaltyhub.domain.merchant.MerchantCredential;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The customers report over real HTTP, with the hub's real member registry behind it: a shopper enrolled with
 * marketing consent for one merchant shows name, email and phone in that merchant's report, and in no other
 * merchant's report, although both merchants have the same shopper as a customer.
 */
@Slow
class ConsentedContactsInReportsTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void contactsAppearOnlyInTheReportOfTheMerchantTheShopperConsentedTo() throws Exception {
        MerchantReportsExtension extension = new MerchantReportsExtension();
        try (HubFixture fixture = HubFixture.start(Map.of(), List.of(extension))) {
            Merchant books = fixture.merchant();
            Merchant pharma = fixture.merchant();
            String card = HubFixture.card(770_001);
            assertThat(fixture.swipe(books, sale("c-1", card)).statusCode()).isEqualTo(200);
            assertThat(fixture.swipe(pharma, sale("c-2", card)).statusCode()).isEqualTo(200);
            long account = fixture.queryLong("SELECT account_id FROM card WHERE token = ?",
                    fixture.hub().cardReader().read(card).token().hash());
            fixture.hub().members().enrolByOperator(new MemberEnrolment(account, "Grace Hopper", "grace@example.org",
                    "+1 212 555 0199", LocalDate.of(1906, 12, 9), Set.of(books.id())));

            String atBooks = customers(fixture, extension, books);
            String atPharma = customers(fixture, extension, pharma);

            assertThat(atBooks.split("\r\n")).hasSize(2);
            assertThat(atBooks).contains("Grace Hopper", "grace@example.org", "+1 212 555 0199");
            assertThat(atPharma.split("\r\n")).hasSize(2);
            assertThat(atPharma).doesNotContain("Grace", "grace@example.org", "555 0199");
        }
    }

    private String customers(HubFixture fixture, MerchantReportsExtension extension, Merchant merchant) throws Exception {
        MerchantCredential credential = extension.credentials().issue(merchant.id());
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (credential.credentialId() + ":" + credential.secret()).getBytes(StandardCharsets.UTF_8));
        String period = "from=" + LocalDate.now().minusDays(2) + "&to=" + LocalDate.now().plusDays(2);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(fixture.baseUrl() + "/merchant/v1/reports/customers?" + period)).header("Authorization", auth).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String sale(String ref, String card) {
        return "{\"txnRef\":\"" + ref + "\",\"type\":\"SALE\",\"cardNumber\":\"" + card + "\",\"amount\":2500,\"currency\":\"EUR\"}";
    }
}
