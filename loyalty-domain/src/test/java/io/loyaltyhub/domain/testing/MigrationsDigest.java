package io.loyaltyhub.domain.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A digest of every file under {@code db/migration} on the class path (the SQL migrations and the compiled Java
 * ones, in directories or jars) and of the H2 version: it names the cached test schema, so a change to any
 * migration makes a new one.
 */
final class MigrationsDigest {
    private static final String LOCATION = "db/migration";

    private MigrationsDigest() {
    }

    static String ofClasspath() throws IOException {
        MessageDigest sha = sha256();
        sha.update(org.h2.engine.Constants.FULL_VERSION.getBytes(StandardCharsets.UTF_8));
        List<URL> roots = Collections.list(MigrationsDigest.class.getClassLoader().getResources(LOCATION));
        if (roots.isEmpty()) {
            throw new IllegalStateException("no " + LOCATION + " on the class path");
        }
        for (URL root : roots) {
            digestTree(root, sha);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 12);
    }

    private static void digestTree(URL root, MessageDigest sha) throws IOException {
        URI uri = toUri(root);
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                digestFiles(jar.getPath(LOCATION), sha);
            } catch (FileSystemAlreadyExistsException e) {
                digestFiles(FileSystems.getFileSystem(uri).getPath(LOCATION), sha);
            }
        } else {
            digestFiles(Path.of(uri), sha);
        }
    }

    /** The digest of one directory's files alone (their names relative to it, and their bytes). */
    static String ofDirectory(Path dir) throws IOException {
        MessageDigest sha = sha256();
        digestFiles(dir, sha);
        return HexFormat.of().formatHex(sha.digest(), 0, 12);
    }

    private static void digestFiles(Path dir, MessageDigest sha) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            sha.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(file));
        }
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unreadable class path entry " + url, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
