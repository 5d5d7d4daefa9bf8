package io.loyaltyhub.hub.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.crypto.CardTokenizer;
import io.loyaltyhub.hub.config.HubSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Signature;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BCFKS keystore: created with an owner-only passphrase file, never overwritten, refuses a wrong passphrase, imports the old card key. */
class HubKeyStoreTest {
    @TempDir
    Path dataDir;

    private HubSettings settings(Map<String, String> extra) {
        java.util.Map<String, String> all = new java.util.HashMap<>(extra);
        all.put("hub.data-dir", dataDir.toString());
        return HubSettings.load(null, all);
    }

    @Test
    void firstStartCreatesABcfksStoreAndAnOwnerOnlyPassphraseFile() throws Exception {
        HubKeyStore keys = HubKeys.openOrCreate(settings(Map.of()));
        Path store = dataDir.resolve("keys/hub.bcfks");
        Path pass = dataDir.resolve("keys/keystore.pass");
        assertThat(store).exists();
        assertThat(Files.getPosixFilePermissions(pass)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(store)).doesNotContain(PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_READ);
        assertThat(keys.currentCardKeyVersion()).isEqualTo(1);
        assertThat(keys.masterKey()).hasSize(32);
        // the same keys after reopening
        HubKeyStore again = HubKeys.openOrCreate(settings(Map.of()));
        assertThat(again.masterKey()).isEqualTo(keys.masterKey());
        assertThat(again.cardKeys().get(1)).isEqualTo(keys.cardKeys().get(1));
        assertThat(again.derivationSecret()).isNotEqualTo(again.cardKeys().get(1)).isNotEqualTo(again.masterKey());
        // no key material in the clear in the store file
        byte[] raw = Files.readAllBytes(store);
        assertThat(HexFormat.of().formatHex(raw)).doesNotContain(HexFormat.of().formatHex(keys.masterKey()));
    }

    @Test
    void theSigningKeySignsAndItsPublicKeyVerifies() throws Exception {
        HubKeyStore keys = HubKeys.openOrCreate(settings(Map.of("hub.keystore.password", "correct horse battery")));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.signingKey());
        signer.update("report".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(keys.signingPublicKey());
        verifier.update("report".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(dataDir.resolve("keys/keystore.pass")).doesNotExist();
    }

    @Test
    void aWrongPassphraseDoesNotOpenTheStore() {
        HubKeys.openOrCreate(settings(Map.of("hub.keystore.password", "right one")));
        assertThatThrownBy(() -> HubKeys.open(settings(Map.of("hub.keystore.password", "wrong one"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not open");
    }

    @Test
    void anExistingStoreIsNeverOverwrittenAndAMissingOneIsAnErrorWhenCreationIsOff() {
        assertThatThrownBy(() -> HubKeys.openOrCreate(settings(Map.of("hub.keystore.create-if-missing", "false",
                "hub.keystore.password", "x")))).hasMessageContaining("keys-init");
        HubKeys.create(settings(Map.of("hub.keystore.password", "x")));
        assertThatThrownBy(() -> HubKeys.create(settings(Map.of("hub.keystore.password", "x"))))
                .hasMessageContaining("never overwritten");
    }

    @Test
    void aCardKeyFileFromBeforeTheKeystoreBecomesCardKeyVersionOne() throws Exception {
        byte[] legacy = new byte[32];
        java.util.Arrays.fill(legacy, (byte) 7);
        Files.createDirectories(dataDir.resolve("keys"));
        Files.writeString(dataDir.resolve("keys/card.key"), HexFormat.of().formatHex(legacy));
        HubKeyStore keys = HubKeys.openOrCreate(settings(Map.of()));
        assertThat(new CardTokenizer(keys.cardKeys().get(1), 1).tokenize("6280000000001238"))
                .isEqualTo(new CardTokenizer(legacy, 1).tokenize("6280000000001238"));
    }

    @Test
    void rotationAddsAVersionAndOnlyAnEarlierVersionCanBeRetired() {
        HubKeyStore keys = HubKeys.openOrCreate(settings(Map.of()));
        assertThat(keys.rotateCardKey()).isEqualTo(2);
        HubKeyStore reopened = HubKeys.open(settings(Map.of()));
        assertThat(reopened.cardKeys().keySet()).containsExactly(1, 2);
        assertThatThrownBy(() -> reopened.retireCardKey(2)).hasMessageContaining("current");
        reopened.retireCardKey(1);
        assertThat(HubKeys.open(settings(Map.of())).cardKeys().keySet()).containsExactly(2);
        assertThat(Set.of(reopened.describe().toString())).isNotEmpty();
    }
}
