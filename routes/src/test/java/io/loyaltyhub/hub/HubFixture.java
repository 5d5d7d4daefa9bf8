package io.loyaltyhub.hub;

import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.hub.config.HubSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real hub for tests: embedded broker and database in a temporary data directory, every port chosen by the hub
 * when it binds (port 0; read back through {@link LoyaltyHub}),
 * a card programme (prefix 628000, 16 digits, Luhn) with an issued range, and helpers to onboard
 * merchants and call the HTTP channel. Other channels pass their {@link HubExtension}s and extra settings.
 */
public final class HubFixture implements AutoCloseable {
    public static final String RANGE_FIRST = "6280000000000000";
    public static final String RANGE_LAST = "6280000099999999";
    private static final AtomicInteger CODES = new AtomicInteger();

    public record Merchant(MerchantId id, String code, TerminalCredential till) {
        public String basicAuth() {
            return "Basic " + Base64.getEncoder().encodeToString(
                    (till.credentialId() + ":" + till.secret()).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Path dataDir;
    private final List<HubExtension> extensions;
    private LoyaltyHub hub;
    private final HttpClient http = HttpClient.newHttpClient();

    private HubFixture(Path dataDir, LoyaltyHub hub, List<HubExtension> extensions) {
        this.extensions = extensions;
        this.dataDir = dataDir;
        this.hub = hub;
    }

    public static HubFixture start() {
        return start(Map.of(), List.of());
    }

    public static HubFixture start(Map<String, String> settings, List<HubExtension> extensions) {
        try {
            HubFixture fixture = startIn(Files.createTempDirectory("hub-test"), settings, extensions);
            CardProgramme programme = fixture.hub.admin().createCardProgramme("coalition", "628000", 16, CheckDigitRule.LUHN);
            fixture.hub.admin().issueCardRange(programme, RANGE_FIRST, RANGE_LAST);
            fixture.hub.reloadCardCatalog();
            return fixture;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hub on an existing data directory (a restart: the card programme is already there), on fresh ports. */
    public static HubFixture startIn(Path dataDir, Map<String, String> settings, List<HubExtension> extensions) {
        // The hub says which ports it got: httpPort(), embeddedBrokerPort(), mqttPort()...
        Map<String, String> all = new HashMap<>(HubSettings.localOnFreePorts(dataDir));
        // Tests replay dated files (POSLog exports of 2017, end-of-day files of November 2026): the engine's
        // window on occurredAt would refuse them as too old. Tests of that window set the setting back.
        all.put("hub.engine.max-age-days", "36500");
        all.putAll(settings);
        LoyaltyHub hub = LoyaltyHub.start(HubSettings.load(null, all), extensions);
        return new HubFixture(dataDir, hub, extensions);
    }

    public LoyaltyHub hub() {
        return hub;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A merchant with one store "S1", one till "T1", and 1 point per 100 minor units of EUR. */
    public Merchant merchant() {
        String code = "m" + CODES.incrementAndGet();
        MerchantId id = hub.admin().createMerchant(code, "Merchant " + code);
        hub.admin().setEarnRate(id, "EUR", new EarnRate(1, 100));
        hub.admin().addStore(id, "S1", "Main street");
        return new Merchant(id, code, hub.admin().addTerminal(id, "S1", "T1"));
    }

    /** A valid card number in the issued range. */
    public static String card(long serial) {
        String body = "628000" + String.format("%09d", serial);
        int sum = 0;
        boolean doubleIt = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (doubleIt) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return body + (10 - sum % 10) % 10;
    }

    public HttpResponse<String> post(String authorization, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/pos/v1/transactions"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> swipe(Merchant m, String json) {
        return post(m.basicAuth(), "application/json", json);
    }

    /** The port the hub's broker takes terminals' messages on for this protocol: "mqtt", "amqp" or "stomp". */
    public int brokerTerminalPort(String protocol) {
        return switch (protocol) {
            case "mqtt" -> hub.mqttPort();
            case "amqp" -> hub.amqpPort();
            case "stomp" -> hub.stompPort();
            default -> throw new IllegalArgumentException("no broker terminal protocol " + protocol);
        };
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + hub.httpPort();
    }

    /** Rows in a table, for "nothing was written" assertions. */
    public long count(String table) {
        return queryLong("SELECT COUNT(*) FROM " + table);
    }

    public long queryLong(String sql, Object... params) {
        try (Connection c = hub.database().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long value = rs.getLong(1);
                c.rollback();
                return value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long balanceOf(String cardNumber) {
        return queryLong("SELECT a.balance FROM member_account a JOIN card c ON c.account_id = a.id WHERE c.token = ?",
                hub.cardReader().read(cardNumber).token().hash());
    }

    /**
     * Stops the hub and starts it again on the same data and settings, as an operator's restart does; ports configured
     * as 0 are chosen afresh, so read them from {@link #hub()} again ({@link #baseUrl()} does).
     */
    public void restart() {
        HubSettings settings = hub.settings();
        hub.close();
        hub = LoyaltyHub.start(settings, extensions);
    }

    @Override
    public void close() {
        hub.close();
    }
}
