package io.loyaltyhub.hub.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Whether an entry found in a merchant's inbox may be read as that merchant's file: only a regular file
 * with a single name, reached without any symbolic link, inside the inbox. Anything else — a symbolic link
 * (which would make the hub read, and then overwrite, a file outside the inbox), a hard link to a file
 * that also lives elsewhere, a device or pipe, a file reached through a linked merchant folder — is
 * refused before a byte of it is read.
 */
final class InboxEntryCheck {

    private InboxEntryCheck() {
    }

    /** Why the entry must not be read, or empty when it is a plain file of the inbox. */
    static Optional<String> refusal(Path entry, Path inboxRoot) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                return Optional.of("it is a symbolic link");
            }
            if (!attributes.isRegularFile()) {
                return Optional.of("it is not a regular file");
            }
            int names = linkCount(entry);
            if (names > 1) {
                return Optional.of("it is a hard link (the file has " + names + " names)");
            }
            Path realRoot = inboxRoot.toRealPath();
            Path merchantFolder = entry.toAbsolutePath().getParent();
            if (Files.isSymbolicLink(merchantFolder) || !entry.toRealPath().startsWith(realRoot)) {
                return Optional.of("it lies outside the inbox (reached through a linked folder)");
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("it cannot be examined: " + e.getClass().getSimpleName());
        }
    }

    /** Names of the file on POSIX file systems; 1 where the file system cannot say. */
    private static int linkCount(Path entry) throws IOException {
        try {
            return ((Number) Files.getAttribute(entry, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }
}
