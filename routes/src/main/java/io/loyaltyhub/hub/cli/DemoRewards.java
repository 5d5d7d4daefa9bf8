package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.earn.Campaign;
import io.loyaltyhub.domain.earn.Campaigns;
import io.loyaltyhub.domain.earn.Tier;
import io.loyaltyhub.domain.earn.Tiers;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.reward.NewReward;
import io.loyaltyhub.domain.reward.PointValue;
import io.loyaltyhub.domain.reward.PointValues;
import io.loyaltyhub.domain.reward.Reward;
import io.loyaltyhub.domain.reward.RewardCatalogue;
import io.loyaltyhub.hub.LoyaltyHub;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The demo's rewards and earn rules (docs/rewards.md): a small catalogue (the operator's tote bag, books' own bookmark),
 * a point worth 1 cent, a vitamins campaign at the pharmacy, a GOLD tier, and curl commands that earn, redeem a gift at
 * the second merchant, pay part of a sale with points and show the campaign's multiplier. Safe to run again.
 */
final class DemoRewards {
    /** The member of the rewards curls (no purchase history of its own). */
    static final String GOLD_CARD = DemoPurchases.demoCard(900);

    private final LoyaltyHub hub;

    DemoRewards(LoyaltyHub hub) {
        this.hub = hub;
    }

    void seedAndPrint(PrintStream out, String url, TerminalCredential books, TerminalCredential pharma) {
        IdGenerator ids = hub.ids();
        MerchantId booksId = hub.admin().merchantByCode("books");
        MerchantId pharmaId = hub.admin().merchantByCode("pharma");
        RewardCatalogue catalogue = new RewardCatalogue(hub.database(), ids, Clock.systemUTC());
        List<String> codes = catalogue.list().stream().map(Reward::code).toList();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (!codes.contains("TOTE")) {
            catalogue.add(new NewReward("TOTE", "Coalition tote bag", null, 200, 100L, today.minusDays(1), today.plusYears(1),
                    true, List.of(), 250));
        }
        if (!codes.contains("BOOKMARK")) {
            catalogue.add(new NewReward("BOOKMARK", "Pages & Co. bookmark", booksId, 20, null, today.minusDays(1),
                    today.plusYears(1), false, List.of(), 30));
        }
        new PointValues(hub.database(), Clock.systemUTC()).set(new PointValue("EUR", 100, 100));
        Campaigns campaigns = new Campaigns(hub.database(), ids, Clock.systemUTC());
        if (campaigns.list(pharmaId).stream().noneMatch(c -> c.code().equals("VITAMINS3X"))) {
            LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).minusDays(1);
            campaigns.add(pharmaId, new Campaign("VITAMINS3X", 300L, null, start, start.plusDays(31), null, "vitamins", null));
        }
        new Tiers(hub.database(), Clock.systemUTC()).define(new Tier("GOLD", "Gold", "EUR", 500_000, 150));

        out.println("Rewards and earn rules (docs/rewards.md): gifts TOTE (200 points, every merchant, 100 in stock) and");
        out.println("BOOKMARK (books' own, 20 points); 100 points pay 1.00 EUR; vitamins earn 3x at pharma (campaign VITAMINS3X);");
        out.println("tier GOLD (150%) from 5,000.00 EUR spent in 12 months (tiers-recompute puts members in it).");
        out.println("# a member spends 800.00 EUR at the bookshop: 800 points");
        out.println(DemoCoalition.curl(url, books, "{\"txnRef\":\"demo-4000\",\"cardNumber\":\"" + GOLD_CARD
                + "\",\"amount\":80000,\"currency\":\"EUR\"}"));
        out.println("# the operator's tote bag redeemed at the pharmacy, the second merchant: -200 points");
        out.println(DemoCoalition.curl(url, pharma, "{\"txnRef\":\"demo-4001\",\"type\":\"REDEEM\",\"cardNumber\":\""
                + GOLD_CARD + "\",\"rewardCode\":\"TOTE\"}"));
        out.println("# books' own bookmark is not handed out at the pharmacy: declined reward-not-offered-here");
        out.println(DemoCoalition.curl(url, pharma, "{\"txnRef\":\"demo-4002\",\"type\":\"REDEEM\",\"cardNumber\":\""
                + GOLD_CARD + "\",\"rewardCode\":\"BOOKMARK\"}"));
        out.println("# pay 5.00 EUR of a 12.50 EUR sale at the bookshop with 500 points: \"paidWithPoints\"");
        out.println(DemoCoalition.curl(url, books, "{\"txnRef\":\"demo-4003\",\"type\":\"REDEEM\",\"cardNumber\":\""
                + GOLD_CARD + "\",\"redeemPoints\":500,\"payWithPoints\":true,\"amount\":1250,\"currency\":\"EUR\"}"));
        out.println("# 20.00 EUR at the pharmacy, 10.00 of it vitamins: 40 base points + 40 for VITAMINS3X;"
                + " \"rules\" names them");
        out.println(DemoCoalition.curl(url, pharma, "{\"txnRef\":\"demo-4004\",\"cardNumber\":\"" + GOLD_CARD
                + "\",\"amount\":2000,\"currency\":\"EUR\",\"lineItems\":[{\"sku\":\"VIT-C\",\"category\":\"vitamins\","
                + "\"quantity\":1,\"amount\":1000},{\"sku\":\"SOAP\",\"category\":\"care\",\"quantity\":1,\"amount\":1000}]}"));
        out.println();
    }
}
