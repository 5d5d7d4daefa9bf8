package io.loyaltyhub.adapters.poslog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real bytes of the POSLog fixtures under src/test/resources/poslog. */
public final class PosLogFixtures {

    private PosLogFixtures() {
    }

    public static InputStream open(String name) {
        InputStream in = PosLogFixtures.class.getResourceAsStream("/poslog/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no POSLog fixture " + name);
        }
        return in;
    }

    public static byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
