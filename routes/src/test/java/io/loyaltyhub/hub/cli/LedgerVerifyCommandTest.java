package io.loyaltyhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.ledger.ChainedEntry;
import io.loyaltyhub.domain.ledger.LedgerChain;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.config.HubSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** ledger-verify passes an untouched ledger and names the entry edited in the database, with exit code 1. */
@Slow
@ResourceLock(Resources.SYSTEM_OUT)
class LedgerVerifyCommandTest {
    @TempDir
    Path dir;


    @Test
    void anUntouchedLedgerVerifiesAndAnEditedRowIsNamedWithExitCodeOne() throws Exception {
        Path data = dir.resolve("hub-data");
        long edited;
        MerchantId books;
        try (Database db = open(data)) {
            books = new CoalitionAdmin(db, IdGenerator.forNode(900), Clock.systemUTC()).createMerchant("books", "Pages & Co.");
            List<ChainedEntry> entries = new ArrayList<>();
            for (long id = 101; id <= 103; id++) {
                entries.add(new ChainedEntry(id, books, 500 + id, "EARN", 10 * id, LocalDateTime.parse("2026-12-01T10:00:00.125")));
            }
            try (Connection c = db.connection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_entry (id, account_id, merchant_id, purchase_id, "
                         + "entry_type, points, created_at) VALUES (?, 1, ?, ?, ?, ?, ?)")) {
                for (ChainedEntry e : entries) {
                    ps.setLong(1, e.entryId());
                    ps.setLong(2, books.value());
                    ps.setLong(3, e.purchaseId());
                    ps.setString(4, e.entryType());
                    ps.setLong(5, e.points());
                    ps.setObject(6, e.createdAt());
                    ps.executeUpdate();
                }
                LedgerChain.append(c, entries);
                c.commit();
            }
            edited = entries.get(1).entryId();
        }

        HubCommandRun intact = run("ledger-verify", "-s", "hub.data-dir=" + data);
        try (Database db = open(data); Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE ledger_entry SET points = 1 WHERE id = ?")) {
            ps.setLong(1, edited);
            ps.executeUpdate();
            c.commit();
        }
        HubCommandRun tampered = run("ledger-verify", "-s", "hub.data-dir=" + data);

        assertThat(intact.exitCode()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("ledger intact: 3 entries in 1 merchant chain(s)").contains("no keystore here");
        assertThat(tampered.exitCode()).isEqualTo(LedgerCommands.TAMPERED);
        assertThat(tampered.out()).contains("EDITED merchant " + books + " entry " + edited + " at position 2")
                .contains("ledger-tampered: 1 fault(s)");
    }

    private static Database open(Path data) {
        return Database.open(HubSettings.load(null, Map.of("hub.data-dir", data.toString())).databaseConfig(2));
    }

    private static HubCommandRun run(String... args) {
        return HubCommandRun.of(args);
    }
}
