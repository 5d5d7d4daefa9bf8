package io.loyaltyhub.hub.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files only the hub's own user may read (keystore, generated passphrase). Where POSIX permissions do not exist the operator must protect the folder. */
final class OwnerOnly {
    private OwnerOnly() {
    }

    static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: documented in docs/security.md
        }
    }
}
