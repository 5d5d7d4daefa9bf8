package io.loyaltyhub.hub;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.card.ProgrammeCardReader;
import io.loyaltyhub.domain.crypto.CardTokenizer;
import io.loyaltyhub.domain.crypto.KeyDerivation;
import io.loyaltyhub.domain.engine.PointsEngine;
import io.loyaltyhub.domain.member.DataKeys;
import io.loyaltyhub.domain.member.MemberContacts;
import io.loyaltyhub.domain.member.ContactIndex;
import io.loyaltyhub.domain.member.MemberRegistry;
import io.loyaltyhub.domain.member.MerchantOffboarding;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.terminal.JdbcTerminalDirectory;
import io.loyaltyhub.domain.terminal.TerminalDirectory;
import io.loyaltyhub.domain.terminal.UsedRequestNonces;
import io.loyaltyhub.hub.broker.BrokerLogin;
import io.loyaltyhub.hub.broker.EmbeddedBroker;
import io.loyaltyhub.hub.broker.terminals.TerminalBrokerSecurity;
import io.loyaltyhub.hub.broker.terminals.TerminalBrokerSetup;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.health.HealthRoutes;
import io.loyaltyhub.hub.health.HubHealth;
import io.loyaltyhub.hub.health.HubVitals;
import io.loyaltyhub.hub.health.Readiness;
import io.loyaltyhub.hub.http.HttpEdge;
import io.loyaltyhub.hub.http.HttpJsonChannel;
import io.loyaltyhub.hub.http.HttpProblems;
import io.loyaltyhub.hub.intake.CamelIntake;
import io.loyaltyhub.hub.intake.IntakeRoutes;
import io.loyaltyhub.hub.auth.LoginThrottle;
import io.loyaltyhub.hub.auth.LoginThrottleSettings;
import io.loyaltyhub.hub.http.RequestSigningSettings;
import io.loyaltyhub.hub.swipe.EngineSettings;
import io.loyaltyhub.hub.http.ExpiredNonceSweeper;
import io.loyaltyhub.hub.http.RequestSignatureCheck;
import io.loyaltyhub.hub.http.TerminalSigningKeys;
import io.loyaltyhub.hub.http.TerminalAuthenticator;
import io.loyaltyhub.hub.iso8583.Iso8583Settings;
import io.loyaltyhub.hub.iso8583.JdbcTerminalMacKeys;
import io.loyaltyhub.hub.keys.HubKeyStore;
import io.loyaltyhub.hub.keys.HubKeys;
import io.loyaltyhub.hub.keys.CardKeyRing;
import io.loyaltyhub.hub.keys.LegacyCardKey;
import io.loyaltyhub.hub.metrics.MetricsRoutes;
import io.loyaltyhub.hub.swipe.ArtemisSwipeGateway;
import io.loyaltyhub.hub.swipe.EngineLag;
import io.loyaltyhub.hub.swipe.RefreshingCardCatalog;
import io.loyaltyhub.hub.swipe.SwipeBatchConsumer;
import io.loyaltyhub.hub.swipe.SwipeGateway;
import io.loyaltyhub.hub.swipe.SwipeMessages;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running hub, assembled from its settings: database, broker (embedded unless an external one is
 * configured), points engine and its queue consumer, the swipe gateway, and the Camel routes of every
 * channel. {@link #start} returns once everything listens; {@link #close} stops it in reverse order.
 */
public final class LoyaltyHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LoyaltyHub.class);

    private final HubSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final CompletableFuture<String> failure = new CompletableFuture<>();
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private Database database;
    private IdGenerator ids;
    private CoalitionAdmin admin;
    private PointsEngine engine;
    private TerminalDirectory terminals;
    private RefreshingCardCatalog catalog;
    private CardReader cardReader;
    private SwipeBatchConsumer consumer;
    private EngineLag engineLag;
    private ArtemisSwipeGateway swipeGateway;
    private CamelContext camel;
    private ActiveMQConnectionFactory brokerFactory;
    private BrokerLogin brokerLogin;
    private VertxPlatformHttpServer httpServer;
    private HubKeyStore keys;
    private TerminalSigningKeys signingKeys;
    private RequestSignatureCheck signatures;
    private MemberRegistry members;
    private Readiness readiness;
    private LoginThrottle loginThrottle;
    private TerminalAuthenticator terminalAuthenticator;

    private LoyaltyHub(HubSettings settings) {
        this.settings = settings;
    }

    public static LoyaltyHub start(HubSettings settings, List<HubExtension> extensions) {
        LoyaltyHub hub = new LoyaltyHub(settings);
        try {
            hub.startAll(extensions);
            return hub;
        } catch (Exception e) {
            hub.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException("the hub could not start: " + e.getMessage(), e);
        }
    }

    public static LoyaltyHub start(HubSettings settings) {
        return start(settings, List.of());
    }

    private void startAll(List<HubExtension> extensions) throws Exception {
        List<HubExtension> channels = new ArrayList<>();
        channels.add(new HttpJsonChannel());
        channels.addAll(extensions);
        channels.forEach(channel -> channel.checkSettings(settings));
        StartupPhases phases = new StartupPhases();
        Clock clock = Clock.systemUTC();
        LoginThrottleSettings logins = LoginThrottleSettings.from(settings);
        EngineSettings engineSettings = EngineSettings.from(settings);
        loginThrottle = new LoginThrottle(logins.credentialFailures(), logins.addressFailures(), logins.maxLockout(), clock);
        String brokerUrl = openDatabaseKeystoreAndBroker(phases, clock);
        phases.done("opening");
        if (keys.masterKeyRotationInProgress()) {
            throw new IllegalStateException("a master key rotation was interrupted: run 'keys-rotate-master-key' again "
                    + "before starting the hub");
        }
        ids = settings.ids(IdSource.HUB);
        admin = new CoalitionAdmin(database, ids, clock);
        engine = new PointsEngine(database, ids, clock, 8, engineSettings.occurredAt());
        catalog = new RefreshingCardCatalog(admin::loadCardCatalog, clock,
                settings.seconds("hub.card-catalog.refresh-seconds"));
        cardReader = new ProgrammeCardReader(catalog, new CardKeyRing(keys, () -> HubKeys.open(settings), clock,
                settings.seconds("hub.keystore.refresh-seconds")));
        members = new MemberRegistry(database, new DataKeys(database, keys.masterKey(), ids, clock),
                new ContactIndex(derivedKey(ContactIndex.KEY_PURPOSE)), clock);
        moveLegacyMacKeys(clock);
        ActiveMQConnectionFactory factory = brokerConnections(brokerUrl);
        started.add(factory);
        brokerFactory = factory;
        SwipeMessages messages = new SwipeMessages();
        engineLag = new EngineLag();
        consumer = new SwipeBatchConsumer(factory, brokerLogin, engine, database::isReachable, messages, engineLag,
                engineSettings.consumers(), engineSettings.batchSize(), meters);
        consumer.start();
        started.add(consumer);
        ArtemisSwipeGateway artemisGateway = new ArtemisSwipeGateway(factory, brokerLogin, messages, 8,
                String.valueOf(engineSettings.nodeId()), engineLag, engineSettings.overloadedAfter(), meters);
        artemisGateway.start();
        started.add(artemisGateway);
        swipeGateway = artemisGateway;
        phases.done("engine and gateway");

        readiness = new Readiness();
        started.add(readiness);
        started.add(HubHealth.start(settings, readiness, database.config(), brokerUrl, brokerLogin));

        camel = new DefaultCamelContext();
        camel.getPropertiesComponent().setInitialProperties(settings.asProperties());
        httpServer = HttpEdge.server(camel, settings);
        camel.addService(httpServer);
        terminalAuthenticator = new TerminalAuthenticator(terminals, loginThrottle);
        signingKeys = new TerminalSigningKeys(database, keys.masterKey(), clock, settings.seconds("hub.terminal-cache.ttl-seconds"));
        RequestSigningSettings signing = RequestSigningSettings.from(settings);
        UsedRequestNonces usedNonces = new UsedRequestNonces(database);
        signatures = new RequestSignatureCheck(signingKeys, usedNonces, signing.required(), signing.maxAge(), clock);
        started.add(ExpiredNonceSweeper.start(usedNonces, clock, Duration.ofMinutes(1)));
        camel.addRoutes(new HttpProblems());
        camel.addRoutes(new IntakeRoutes(swipeGateway));
        camel.addRoutes(new HealthRoutes(readiness));
        camel.addRoutes(new MetricsRoutes(meters));
        ChannelPorts ports = channelPorts(clock);
        for (HubExtension channel : channels) {
            for (RoutesBuilder routes : channel.routes(ports)) {
                camel.addRoutes(routes);
            }
        }
        camel.start();
        started.add(camel);
        phases.done("routes");
        HttpEdge.requireRoutesReadTheirBodies(camel);
        log.info("Loyalty Hub listening: HTTP on {}:{}, database {}, broker {}; started in {}", settings.text("hub.http.host"),
                httpPort(), database.config().displayUrl(), settings.embeddedBroker()
                        ? "embedded (tcp://" + settings.text("hub.broker.embedded.host") + ":"
                        + settings.integer("hub.broker.embedded.port") + ")" : brokerUrl, phases.summary());
    }

    /** What every channel may use, and nothing else of the hub. */
    private ChannelPorts channelPorts(Clock clock) {
        ActiveMQConnectionFactory factory = brokerFactory;
        BrokerLogin login = brokerLogin;
        EmbeddedBroker broker = started.stream().filter(EmbeddedBroker.class::isInstance).map(EmbeddedBroker.class::cast)
                .findFirst().orElse(null);
        ChannelPorts.BrokerPorts brokerPorts = broker != null ? broker::acceptorPort : protocol -> {
            throw new IllegalStateException("broker-native terminals need the embedded broker (hub.broker.url is set)");
        };
        return new ChannelPorts(settings, clock, ids, new CamelIntake(camel.createProducerTemplate()), terminals, cardReader,
                admin::findMerchantByCode, database, keys, members, terminalAuthenticator, signatures, loginThrottle,
                () -> login.connect(factory), brokerPorts, new HubVitals(readiness, meters, clock), meters);
    }

    /**
     * The three slowest steps of a start do not depend on each other, so they run at the same time: the database
     * (pool and migrations) and the keystore open on two threads while the embedded broker starts on this one. The
     * broker asks for the terminal directory only when a terminal logs in, so it waits for the database then, not
     * now. Whatever opened is closed again if any of them fails.
     *
     * @return the URL the hub's broker clients use
     */
    private String openDatabaseKeystoreAndBroker(StartupPhases phases, Clock clock) {
        ExecutorService openers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "hub-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<Database> databaseOpening = CompletableFuture.supplyAsync(() -> phases.timed("database",
                    () -> {
                        Database opened = Database.open(settings.databaseConfig(settings.integer("hub.db.pool-size")));
                        opened.bootOrmInBackground();
                        return opened;
                    }), openers);
            CompletableFuture<HubKeyStore> keysOpening = CompletableFuture.supplyAsync(
                    () -> phases.timed("keystore", () -> HubKeys.openOrCreate(settings)), openers);
            CompletableFuture<TerminalDirectory> terminalsOpening = databaseOpening.thenApply(opened ->
                    new JdbcTerminalDirectory(opened, clock, settings.seconds("hub.terminal-cache.ttl-seconds")));
            List<RuntimeException> failures = new ArrayList<>();
            String brokerUrl = null;
            try {
                brokerUrl = phases.timed("broker", () -> startBroker(terminalsOpening::join));
            } catch (RuntimeException e) {
                failures.add(e);
            }
            database = awaitOpened(databaseOpening, failures);
            if (database != null) {
                started.add(database);
                terminals = terminalsOpening.join();
            }
            keys = awaitOpened(keysOpening, failures);
            if (!failures.isEmpty()) {
                RuntimeException first = failures.get(0);
                failures.stream().skip(1).forEach(first::addSuppressed);
                throw first;
            }
            return brokerUrl;
        } finally {
            openers.shutdown();
        }
    }

    private static <T> T awaitOpened(CompletableFuture<T> opening, List<RuntimeException> failures) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            failures.add(e.getCause() instanceof RuntimeException r ? r : e);
            return null;
        }
    }

    /** Starts the embedded broker unless an external one is configured; returns the URL the hub's clients use. */
    private String startBroker(Supplier<TerminalDirectory> terminalDirectory) {
        brokerLogin = BrokerLogin.forHub(settings);
        if (!settings.embeddedBroker()) {
            return settings.text("hub.broker.url");
        }
        EmbeddedBroker broker = new EmbeddedBroker(settings.dataDir().resolve("broker"),
                settings.text("hub.broker.embedded.host"), settings.integer("hub.broker.embedded.port"),
                settings.text("hub.broker.journal-type"), settings.integer("hub.broker.journal-sync-nanos"),
                new TerminalBrokerSecurity(brokerLogin, terminalDirectory, loginThrottle), TerminalBrokerSetup.fromSettings(settings)::configure);
        broker.start();
        started.add(broker);
        broker.unexpectedStop().thenAccept(failure::complete);
        return "vm://0";
    }

    /**
     * The hub's broker client settings. Reconnection is the hub's own ({@link io.loyaltyhub.hub.swipe.BrokerConnection}),
     * so the client does not retry by itself; a short connection TTL makes the broker give a dead node's sessions,
     * prefetched swipes and message groups to the other nodes within seconds (the client's confirmation window,
     * needed for asynchronous send confirmations, otherwise makes the broker keep them for reattachment until the
     * default one-minute TTL ends).
     */
    private ActiveMQConnectionFactory brokerConnections(String brokerUrl) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
        factory.setConfirmationWindowSize(1024 * 1024);
        factory.setReconnectAttempts(0);
        factory.setInitialConnectAttempts(1);
        long ttl = settings.integer("hub.broker.connection-ttl-ms");
        factory.setConnectionTTL(ttl);
        factory.setClientFailureCheckPeriod(Math.max(500, ttl / 3));
        factory.setCallTimeout(Math.max(5_000, 2 * ttl));
        return factory;
    }

    /** Tokenizes under the current card key version; earlier versions still held are tried too (see CardRekeyJob). */
    public static ProgrammeCardReader cardReader(HubKeyStore keys, java.util.function.Supplier<io.loyaltyhub.domain.card.CardCatalog> catalog) {
        List<CardTokenizer> held = CardKeyRing.tokenizers(keys);
        return new ProgrammeCardReader(catalog, () -> held);
    }

    private void moveLegacyMacKeys(Clock clock) {
        byte[] legacy = LegacyCardKey.read(Iso8583Settings.legacyKeyEncryptionKeyFile(settings));
        if (legacy != null) {
            int moved = new JdbcTerminalMacKeys(database, keys.masterKey(), clock).rewrapFromLegacyKey(legacy);
            log.warn("{} ISO 8583 MAC key(s) moved from {} to the keystore's master key; delete that file once the keystore "
                    + "is backed up", moved, Iso8583Settings.legacyKeyEncryptionKeyFile(settings));
        }
    }

    /** The port HTTP actually listens on (useful when configured as 0). */
    public int httpPort() {
        return httpServer.getServer() != null ? httpServer.getServer().actualPort() : settings.integer("hub.http.port");
    }

    /** The port of the embedded broker's core TCP acceptor, {@code hub.broker.embedded.port} (useful when configured as 0). */
    public int embeddedBrokerPort() {
        return embeddedBroker().corePort();
    }

    /** The port broker-native terminals speak MQTT on, {@code hub.broker.mqtt.port} (useful when configured as 0). */
    public int mqttPort() {
        return embeddedBroker().acceptorPort("mqtt");
    }

    /** The port broker-native terminals speak AMQP on, {@code hub.broker.amqp.port} (useful when configured as 0). */
    public int amqpPort() {
        return embeddedBroker().acceptorPort("amqp");
    }

    /** The port broker-native terminals speak STOMP on, {@code hub.broker.stomp.port} (useful when configured as 0). */
    public int stompPort() {
        return embeddedBroker().acceptorPort("stomp");
    }

    private EmbeddedBroker embeddedBroker() {
        return started.stream().filter(EmbeddedBroker.class::isInstance).map(EmbeddedBroker.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("this hub runs no embedded broker (hub.broker.url is set)"));
    }

    /** The hub process's one id generator: whatever in this process makes ids (the demo too) shares it. */
    public IdGenerator ids() {
        return ids;
    }

    public HubSettings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public CoalitionAdmin admin() {
        return admin;
    }

    public PointsEngine engine() {
        return engine;
    }

    public TerminalDirectory terminals() {
        return terminals;
    }

    public CardReader cardReader() {
        return cardReader;
    }

    /** The engine's queue consumer (its counters are read by the benchmark). */
    public SwipeBatchConsumer engineConsumer() {
        return consumer;
    }

    /** The gateway itself (its counters are read by the benchmark and tests). */
    public ArtemisSwipeGateway artemisGateway() {
        return swipeGateway;
    }

    public SwipeGateway gateway() {
        return swipeGateway;
    }

    public CamelContext camel() {
        return camel;
    }

    /** A new, not yet started connection to the hub's broker under the hub's own login (the caller closes it). */
    public jakarta.jms.Connection openBrokerConnection() throws jakarta.jms.JMSException {
        return brokerLogin.connect(brokerFactory);
    }

    /**
     * A 32-byte key for one purpose (for example {@code "report-pseudonyms"}), derived with HKDF from the
     * keystore's dedicated derivation secret: stable across restarts, independent of every other purpose's key.
     */
    public byte[] derivedKey(String purpose) {
        return KeyDerivation.derive(keys.derivationSecret(), purpose, 32);
    }

    /** Contacts of members who consented to hear from a merchant, decrypted with that merchant's data key (for reports). */
    public MemberContacts memberContacts() {
        return members;
    }

    /** Enrolment and erasure of members' personal data. */
    public MemberRegistry members() {
        return members;
    }

    /** Offboarding a merchant: crypto-shredding of its personal data, terminals disabled. */
    public MerchantOffboarding offboarding() {
        return new MerchantOffboarding(database, members);
    }

    /** The readiness checks behind /health/ready: register a {@link io.loyaltyhub.hub.health.ReadinessCheck} here. */
    public Readiness readiness() {
        return readiness;
    }

    /** Terminals' request-signing secrets (wrapped by the master key). */
    public TerminalSigningKeys signingKeys() {
        return signingKeys;
    }

    /** The hub's keystore (card keys, master key, derivation secret, signing key). */
    public HubKeyStore keys() {
        return keys;
    }

    /** Makes newly issued card ranges visible to the edge at once. */
    public void reloadCardCatalog() {
        catalog.reload();
    }

    /** How far the engine is behind the swipe queue (for readiness and the benchmark). */
    public EngineLag engineLag() {
        return engineLag;
    }

    /**
     * Completes, with the reason, when this hub can no longer take swipes and will not recover by itself (its embedded
     * broker stopped): the process should exit so that its supervisor starts it again.
     */
    public CompletableFuture<String> failure() {
        return failure;
    }

    /**
     * A graceful stop: new swipes are refused (terminals are told the hub is stopping and send them again, to another
     * node or after the restart), swipes already taken get their answers for up to {@code hub.shutdown.drain-seconds},
     * then everything closes. What is still unanswered then is on the queue and is credited after the restart.
     */
    public void stopGracefully() {
        if (swipeGateway != null) {
            swipeGateway.stopAccepting();
            try {
                boolean drained = swipeGateway.awaitAnswered(EngineSettings.from(settings).drain());
                log.info("stopping: {}", drained ? "every swipe taken has its answer"
                        : swipeGateway.inFlight() + " swipe(s) still unanswered stay on the queue for the next start");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", started.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
        started.clear();
    }
}
