package io.loyaltyhub.domain.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2idHasherTest {
    private final Argon2idHasher cheap = new Argon2idHasher(64, 1, 1);

    @Test
    void storesAPhcStringThatVerifiesOnlyTheRightSecret() {
        String stored = cheap.hash("merchant-secret");
        assertTrue(stored.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), stored);
        assertTrue(Argon2idHasher.matches("merchant-secret", stored));
        assertFalse(Argon2idHasher.matches("merchant-secreT", stored));
        assertNotEquals(stored, cheap.hash("merchant-secret"), "every hash has its own salt");
    }

    @Test
    void theCostTravelsInTheStoredString() {
        // Same secret and salt give the same hash (the cost travels in the string), other costs do not match.
        String stored = cheap.hash("k");
        String raised = stored.replace("t=1", "t=2");
        assertFalse(Argon2idHasher.matches("k", raised));
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        assertFalse(Argon2idHasher.matches("x", "sha256:abcd"));
        assertFalse(Argon2idHasher.matches("x", "$argon2id$v=19$m=abc,t=1,p=1$AAAA$AAAA"));
        assertFalse(Argon2idHasher.matches("x", null));
        assertFalse(Argon2idHasher.matches(null, cheap.hash("x")));
    }

    @Test
    void derivedKeysDifferPerPurposeAndAreStable() {
        byte[] secret = new byte[32];
        assertEquals(32, KeyDerivation.derive(secret, "a", 32).length);
        assertTrue(java.util.Arrays.equals(KeyDerivation.derive(secret, "a", 32), KeyDerivation.derive(secret, "a", 32)));
        assertFalse(java.util.Arrays.equals(KeyDerivation.derive(secret, "a", 32), KeyDerivation.derive(secret, "b", 32)));
    }
}
