package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.persistence.IdSource;
import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.card.CardRekeyJob;
import io.loyaltyhub.domain.crypto.CardTokenizer;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.keys.HubKeyStore;
import io.loyaltyhub.hub.keys.HubKeys;
import java.time.Clock;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The operator's key commands (docs/security.md): create the keystore, list it, rotate and retire card keys, re-key cards. */
final class KeyCommands {
    private KeyCommands() {
    }

    @Command(name = "keys-init", mixinStandardHelpOptions = true,
            description = "Create the hub's BCFKS keystore (card key, master key, derivation secret, signing key), "
                    + "protected by HUB_KEYSTORE_PASSWORD; imports an existing keys/card.key as card key version 1.")
    static final class Init implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        @Override
        public Integer call() {
            HubSettings s = settings.loadForNewData();
            HubKeyStore keys = HubKeys.create(s);
            System.out.printf("keystore created at %s; back it up, and keep its passphrase apart from it%n", keys.file());
            keys.describe().forEach(line -> System.out.println("  " + line));
            return 0;
        }
    }

    @Command(name = "keys-list", mixinStandardHelpOptions = true, description = "List the keystore's entries (never their values).")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        @Override
        public Integer call() {
            HubKeyStore keys = HubKeys.open(settings.load());
            keys.describe().forEach(System.out::println);
            System.out.printf("current card key version: %d%n", keys.currentCardKeyVersion());
            return 0;
        }
    }

    @Command(name = "keys-rotate-card-key", mixinStandardHelpOptions = true,
            description = "Add a new card key version. Hub nodes on this keystore read it within hub.keystore.refresh-seconds; "
                    + "copy the keystore to every other node; then run keys-rekey-cards.")
    static final class RotateCardKey implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        @Override
        public Integer call() {
            int version = HubKeys.open(settings.load()).rotateCardKey();
            System.out.printf("card key version %d created; hub nodes on this keystore file pick it up by themselves, copy it "
                    + "to every other node (each logs 'card key versions held now'), then run keys-rekey-cards%n", version);
            return 0;
        }
    }

    @Command(name = "keys-rekey-cards", mixinStandardHelpOptions = true,
            description = "Make the current card key version the one new cards are stored under, move every stored card "
                    + "to it, and merge any card stored twice (prints progress). Safe to stop and run again.")
    static final class RekeyCards implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        @Override
        public Integer call() {
            HubSettings s = settings.load();
            CardRekeyJob.Result result = rekey(s, HubKeys.open(s), System.out::println);
            return result.cardsLeft() == 0 ? 0 : 1;
        }
    }

    static CardRekeyJob.Result rekey(HubSettings s, HubKeyStore keys, java.util.function.Consumer<String> progress) {
        NavigableMap<Integer, byte[]> versions = keys.cardKeys();
        int current = versions.lastKey();
        List<CardTokenizer> earlier = versions.headMap(current, false).entrySet().stream()
                .map(e -> new CardTokenizer(e.getValue(), e.getKey())).toList();
        IdGenerator ids = operatorIds(s);
        try (Database db = Database.open(s.databaseConfig(2))) {
            CoalitionAdmin admin = new CoalitionAdmin(db, ids, Clock.systemUTC());
            return new CardRekeyJob(db, new CardTokenizer(versions.get(current), current), earlier, progress, ids,
                    Clock.systemUTC()).run(admin.loadCardCatalog());
        }
    }

    /** Ids for rows an operator command writes: a node number apart from the running hubs' (as OperatorCommands). */
    private static IdGenerator operatorIds(HubSettings s) {
        return s.ids(IdSource.COMMAND_LINE);
    }

    @Command(name = "keys-rotate-master-key", mixinStandardHelpOptions = true,
            description = "Replace the master key and re-wrap every data key, signing secret and MAC key under the new one. "
                    + "Stop every hub node first; run again if it was interrupted.")
    static final class RotateMasterKey implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;

        @Override
        public Integer call() {
            HubSettings s = settings.load();
            HubKeyStore keys = HubKeys.open(s);
            try (Database db = Database.open(s.databaseConfig(2))) {
                io.loyaltyhub.hub.keys.MasterKeyRotation.Result result = io.loyaltyhub.hub.keys.MasterKeyRotation.rotate(keys, db);
                System.out.printf("master key replaced: %d data key(s), %d signing secret(s), %d MAC key(s), %d webhook "
                        + "secret(s) re-wrapped; copy the keystore to every hub node before starting them%n", result.dataKeys(),
                        result.signingSecrets(), result.macKeys(), result.webhookSecrets());
            }
            return 0;
        }
    }

    @Command(name = "keys-retire-card-key", mixinStandardHelpOptions = true,
            description = "Delete an earlier card key version once keys-rekey-cards has moved every card off it.")
    static final class RetireCardKey implements Callable<Integer> {
        @Mixin
        SettingsOptions settings;
        @Option(names = "--version", required = true, description = "the card key version to delete")
        int version;

        @Override
        public Integer call() {
            HubSettings s = settings.load();
            HubKeyStore keys = HubKeys.open(s);
            try (Database db = Database.open(s.databaseConfig(2))) {
                CardRekeyJob job = new CardRekeyJob(db, new CardTokenizer(keys.cardKeys().lastEntry().getValue(),
                        keys.currentCardKeyVersion()), List.of(), x -> { }, operatorIds(s), Clock.systemUTC());
                if (job.coalitionVersion() < keys.currentCardKeyVersion()) {
                    System.err.printf("new cards are still stored under card key version %d: run keys-rekey-cards first%n",
                            job.coalitionVersion());
                    return 1;
                }
                long left = job.cardsOnEarlierVersions();
                if (left > 0) {
                    System.err.printf("%d card(s) are still on earlier card key versions: run keys-rekey-cards first%n", left);
                    return 1;
                }
            }
            keys.retireCardKey(version);
            System.out.printf("card key version %d deleted; restart the hub nodes with this keystore%n", version);
            return 0;
        }
    }
}
