package io.loyaltyhub.hub.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The hub's keys in one Bouncy Castle FIPS-format keystore (BCFKS: PBKDF2-protected, AES-CCM sealed, with
 * an integrity MAC over the whole store), opened with a passphrase that never sits in the configuration
 * files kept in git. It holds:
 * <ul>
 * <li>{@code card-key-<n>}: the HMAC keys that turn card numbers into tokens, one per version; the highest
 * version tokenizes, the others are still tried until {@code keys-rekey-cards} has moved every card;</li>
 * <li>{@code master-key}: the AES-256 key-encryption key that wraps data keys, terminal MAC keys and
 * terminal signing secrets stored in the database (it never leaves this store);</li>
 * <li>{@code derivation-secret}: the HKDF input for per-purpose keys ({@code LoyaltyHub.derivedKey});</li>
 * <li>{@code hub-signing-key}: the hub's Ed25519 key pair, with a self-signed certificate.</li>
 * </ul>
 * Changes are written to a temporary file and moved over the store, so a crash never leaves half a store.
 */
public final class HubKeyStore {
    public static final String TYPE = "BCFKS";
    static final String CARD_KEY_PREFIX = "card-key-";
    static final String MASTER_KEY = "master-key";
    static final String NEXT_MASTER_KEY = "master-key-next";
    static final String DERIVATION_SECRET = "derivation-secret";
    static final String SIGNING_KEY = "hub-signing-key";
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final char[] passphrase;
    private final KeyStore store;

    private HubKeyStore(Path file, char[] passphrase, KeyStore store) {
        this.file = file;
        this.passphrase = passphrase;
        this.store = store;
    }

    /** Creates a store with card key version 1 (new, or {@code legacyCardKey} when given), a master key, a derivation secret and a signing key. */
    public static HubKeyStore create(Path file, char[] passphrase, byte[] legacyCardKey) {
        if (Files.exists(file)) {
            throw new IllegalStateException("a keystore already exists at " + file + "; it is never overwritten");
        }
        try {
            KeyStore store = KeyStore.getInstance(TYPE, PROVIDER);
            store.load(null, null);
            HubKeyStore keys = new HubKeyStore(file, passphrase.clone(), store);
            keys.putSecret(CARD_KEY_PREFIX + 1, legacyCardKey != null ? legacyCardKey : randomBytes(32), "HmacSHA256");
            keys.putSecret(MASTER_KEY, randomBytes(32), "AES");
            keys.putSecret(DERIVATION_SECRET, randomBytes(32), "HmacSHA256");
            keys.putSigningKey();
            keys.save();
            return keys;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not create the keystore " + file + ": " + e.getMessage(), e);
        }
    }

    public static HubKeyStore open(Path file, char[] passphrase) {
        if (!Files.exists(file)) {
            throw new IllegalStateException("no keystore at " + file + "; create one with 'keys-init'");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(TYPE, PROVIDER);
            store.load(in, passphrase);
            return new HubKeyStore(file, passphrase.clone(), store);
        } catch (IOException e) {
            // BCFKS reports a wrong passphrase as an IOException whose cause is the failed integrity check.
            throw new IllegalStateException("the keystore " + file + " does not open with this passphrase, or is damaged");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not read the keystore " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Every card key version still held, lowest first. */
    public NavigableMap<Integer, byte[]> cardKeys() {
        NavigableMap<Integer, byte[]> keys = new TreeMap<>();
        for (String alias : aliases()) {
            if (alias.startsWith(CARD_KEY_PREFIX)) {
                keys.put(Integer.parseInt(alias.substring(CARD_KEY_PREFIX.length())), secret(alias));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("the keystore " + file + " holds no card key");
        }
        return keys;
    }

    public int currentCardKeyVersion() {
        return cardKeys().lastKey();
    }

    /** Adds card key version current+1, which tokenizes from the next start on. */
    public int rotateCardKey() {
        int next = currentCardKeyVersion() + 1;
        putSecret(CARD_KEY_PREFIX + next, randomBytes(32), "HmacSHA256");
        save();
        return next;
    }

    /** Deletes a card key version: cards still stored under it can no longer be recognised. */
    public void retireCardKey(int version) {
        if (version == currentCardKeyVersion()) {
            throw new IllegalArgumentException("card key version " + version + " is the current one and cannot be retired");
        }
        try {
            if (!store.containsAlias(CARD_KEY_PREFIX + version)) {
                throw new IllegalArgumentException("the keystore holds no card key version " + version);
            }
            store.deleteEntry(CARD_KEY_PREFIX + version);
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
        save();
    }

    public byte[] masterKey() {
        return secret(MASTER_KEY);
    }

    /**
     * First step of a master key rotation: a new master key kept beside the current one as {@code master-key-next}
     * (the same one again if a rotation was interrupted), so the store is never without the key the rows are under.
     */
    public byte[] prepareMasterKeyRotation() {
        if (!contains(NEXT_MASTER_KEY)) {
            putSecret(NEXT_MASTER_KEY, randomBytes(32), "AES");
            save();
        }
        return secret(NEXT_MASTER_KEY);
    }

    /** Last step, once every wrapped row is under the new key: it becomes the master key; the old one is deleted. */
    public void completeMasterKeyRotation() {
        if (!contains(NEXT_MASTER_KEY)) {
            throw new IllegalStateException("no master key rotation is in progress");
        }
        putSecret(MASTER_KEY, secret(NEXT_MASTER_KEY), "AES");
        try {
            store.deleteEntry(NEXT_MASTER_KEY);
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
        save();
    }

    public boolean masterKeyRotationInProgress() {
        return contains(NEXT_MASTER_KEY);
    }

    private boolean contains(String alias) {
        try {
            return store.containsAlias(alias);
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] derivationSecret() {
        return secret(DERIVATION_SECRET);
    }

    public PrivateKey signingKey() {
        try {
            return (PrivateKey) store.getKey(SIGNING_KEY, passphrase);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the hub's signing key: " + e.getMessage(), e);
        }
    }

    public PublicKey signingPublicKey() {
        try {
            return store.getCertificate(SIGNING_KEY).getPublicKey();
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Aliases and what they hold, never the key material (for {@code keys-list}). */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (String alias : aliases()) {
            try {
                Date created = store.getCreationDate(alias);
                String kind = store.isKeyEntry(alias) && store.getCertificate(alias) != null ? "key pair" : "secret key";
                lines.add(String.format("%-20s %-10s created %s", alias, kind, created.toInstant()));
            } catch (java.security.KeyStoreException e) {
                throw new IllegalStateException(e);
            }
        }
        return lines;
    }

    private List<String> aliases() {
        try {
            List<String> all = Collections.list(store.aliases());
            Collections.sort(all);
            return all;
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] secret(String alias) {
        try {
            java.security.Key key = store.getKey(alias, passphrase);
            if (!(key instanceof SecretKey secret)) {
                throw new IllegalStateException("the keystore " + file + " holds no " + alias);
            }
            return secret.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + alias + " from the keystore: " + e.getMessage(), e);
        }
    }

    private void putSecret(String alias, byte[] key, String algorithm) {
        try {
            store.setKeyEntry(alias, new SecretKeySpec(key, algorithm), passphrase, null);
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException("cannot store " + alias + ": " + e.getMessage(), e);
        }
    }

    private void putSigningKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519", PROVIDER);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Loyalty Hub signing key");
        Instant now = Instant.now();
        try {
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(PROVIDER).getCertificate(
                    new JcaX509v3CertificateBuilder(name, new BigInteger(64, RANDOM), Date.from(now),
                            Date.from(now.plus(3650, ChronoUnit.DAYS)), name, pair.getPublic())
                            .build(new JcaContentSignerBuilder("Ed25519").setProvider(PROVIDER).build(pair.getPrivate())));
            store.setKeyEntry(SIGNING_KEY, pair.getPrivate(), passphrase, new Certificate[] {certificate});
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private void save() {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, ".keystore", ".tmp");
            OwnerOnly.restrict(temporary);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, passphrase);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not write the keystore " + file + ": " + e.getMessage(), e);
        }
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
