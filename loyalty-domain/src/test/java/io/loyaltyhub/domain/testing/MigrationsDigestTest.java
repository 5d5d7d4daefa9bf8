package io.loyaltyhub.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached test schema is named by this digest: any change to a migration must change it. */
class MigrationsDigestTest {

    @Test
    void theClasspathDigestIsTheSameEachTime() throws IOException {
        assertThat(MigrationsDigest.ofClasspath()).isEqualTo(MigrationsDigest.ofClasspath()).hasSize(24);
    }

    @Test
    void anEditedAddedOrRenamedMigrationChangesTheDigest(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id INT);");
        String original = MigrationsDigest.ofDirectory(dir);

        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id BIGINT);");
        String edited = MigrationsDigest.ofDirectory(dir);
        Files.writeString(dir.resolve("V2__b.sql"), "CREATE TABLE b (id INT);");
        String added = MigrationsDigest.ofDirectory(dir);
        Files.move(dir.resolve("V2__b.sql"), dir.resolve("V3__b.sql"));
        String renamed = MigrationsDigest.ofDirectory(dir);

        assertThat(java.util.List.of(original, edited, added, renamed)).doesNotHaveDuplicates();
    }
}
