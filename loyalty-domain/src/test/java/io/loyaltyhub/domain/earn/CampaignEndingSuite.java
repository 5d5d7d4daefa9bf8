package io.loyaltyhub.domain.earn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.MovableClock;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the console adds to earn rules, on every database: ending a campaign early (a running one ends now, one not
 * started is withdrawn, one of another merchant is unknown, one already over is refused) and reading the base rates.
 */
abstract class CampaignEndingSuite {
    private static final LocalDateTime DEC_1 = LocalDateTime.parse("2026-12-01T00:00:00");
    private static final LocalDateTime JAN_1 = LocalDateTime.parse("2027-01-01T00:00:00");

    private DatabaseConfig config;
    private Database database;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-10T12:00:00.123456Z"));
    private Campaigns campaigns;
    private CampaignEnding ending;
    private CoalitionFixture coalition;
    private CoalitionFixture.TestMerchant shop;
    private CoalitionFixture.TestMerchant other;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void open() {
        config = newDatabase();
        database = Database.open(config);
        coalition = new CoalitionFixture(database);
        shop = coalition.merchant("A");
        other = coalition.merchant("B");
        campaigns = new Campaigns(database, IdGenerator.forNode(11), clock);
        ending = new CampaignEnding(database, clock);
    }

    @AfterEach
    void close() {
        database.close();
        TestDatabases.dropMySql(config);
    }

    @Test
    void aRunningCampaignEndsNow() {
        campaigns.add(shop.id(), new Campaign("XMAS", 200L, null, DEC_1, JAN_1, null, null, null));

        assertThat(ending.end(shop.id(), "XMAS")).isEqualTo(CampaignEnding.Outcome.ENDED);

        Campaign ended = campaigns.list(shop.id()).get(0);
        // MySQL Connector/J reads MariaDB's version as 5.5.5 and sends no fraction of a second: the end is this second
        // there, this millisecond elsewhere; never later than now.
        assertThat(ended.endsAt()).isBetween(LocalDateTime.parse("2026-12-10T12:00:00"),
                LocalDateTime.parse("2026-12-10T12:00:00.123"));
        assertThat(ended.startsAt()).isEqualTo(DEC_1);
        assertThat(ended.multiplierPercent()).isEqualTo(200L);
    }

    @Test
    void anEndedCampaignMakesRoomForAnotherMultiplierFromNowOn() {
        campaigns.add(shop.id(), new Campaign("XMAS", 200L, null, DEC_1, JAN_1, null, null, null));
        ending.end(shop.id(), "XMAS");
        clock.advance(Duration.ofMinutes(1));
        LocalDateTime now = LocalDateTime.parse("2026-12-10T12:01:00");

        campaigns.add(shop.id(), new Campaign("TRIPLE", 300L, null, now, JAN_1, null, null, null));

        assertThat(campaigns.list(shop.id())).extracting(Campaign::code).containsExactly("XMAS", "TRIPLE");
    }

    @Test
    void aCampaignNotStartedIsWithdrawn() {
        campaigns.add(shop.id(), new Campaign("NEWYEAR", null, 50L, JAN_1, JAN_1.plusDays(7), null, null, null));

        assertThat(ending.end(shop.id(), "NEWYEAR")).isEqualTo(CampaignEnding.Outcome.WITHDRAWN);

        assertThat(campaigns.list(shop.id())).isEmpty();
    }

    @Test
    void aCampaignOverAlreadyIsRefusedAndLeftAsItWas() {
        campaigns.add(shop.id(), new Campaign("NOV", 150L, null, DEC_1.minusMonths(1), DEC_1, null, null, null));

        assertThatThrownBy(() -> ending.end(shop.id(), "NOV")).isInstanceOf(EarnRuleRefused.class)
                .extracting(e -> ((EarnRuleRefused) e).code()).isEqualTo("campaign-already-ended");
        assertThat(campaigns.list(shop.id()).get(0).endsAt()).isEqualTo(DEC_1);
    }

    @Test
    void theBaseRatesAreEachMerchantsOwn() {
        coalition.admin().setEarnRate(shop.id(), "SGD", new io.loyaltyhub.domain.model.EarnRate(3, 200));

        java.util.Map<String, io.loyaltyhub.domain.model.EarnRate> rates = new BaseEarnRates(database).of(shop.id());

        assertThat(rates).containsEntry("SGD", new io.loyaltyhub.domain.model.EarnRate(3, 200));
        assertThat(new BaseEarnRates(database).of(other.id())).doesNotContainKey("SGD");
    }

    @Test
    void anotherMerchantsCampaignIsUnknownAndUntouched() {
        campaigns.add(other.id(), new Campaign("XMAS", 200L, null, DEC_1, JAN_1, null, null, null));

        assertThatThrownBy(() -> ending.end(shop.id(), "XMAS")).isInstanceOf(EarnRuleRefused.class)
                .extracting(e -> ((EarnRuleRefused) e).code()).isEqualTo("unknown-campaign");
        assertThat(campaigns.list(other.id()).get(0).endsAt()).isEqualTo(JAN_1);
    }
}
