package io.loyaltyhub.hub.pgp;

import io.loyaltyhub.domain.merchant.MerchantPgpKeyStore;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import java.time.Clock;
import java.util.Optional;

/** Merchants' OpenPGP public keys for encrypted report downloads, kept by the domain's {@link MerchantPgpKeyStore}. */
public final class MerchantPgpKeys {
    private final MerchantPgpKeyStore store;
    private final Clock clock;

    public MerchantPgpKeys(Database database, Clock clock) {
        this.store = new MerchantPgpKeyStore(database);
        this.clock = clock;
    }

    /**
     * Registers (or replaces) the merchant's key; returns its fingerprint. A key that reports could not be encrypted
     * to (no usable encryption subkey) is refused here rather than failing every download later.
     */
    public String register(MerchantId merchant, String armoredText) {
        ArmoredPublicKey key = ArmoredPublicKey.parse(armoredText);
        OpenPgpEncryption.encryptionKeyOf(key);
        store.replace(merchant, new MerchantPgpKeyStore.StoredKey(key.armored(), key.fingerprint()), clock.instant());
        return key.fingerprint();
    }

    /** The merchant's registered key, if any (reports are then encrypted to it). */
    public Optional<ArmoredPublicKey> keyOf(MerchantId merchant) {
        return store.keyOf(merchant).map(k -> new ArmoredPublicKey(k.armored(), k.fingerprint()));
    }
}
