package io.loyaltyhub.domain.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.testing.TestDatabases;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Card ranges never overlap, so a card number belongs to one range: a range issued twice is refused, not doubled. */
abstract class CardRangesSuite {
    private DatabaseConfig config;
    private Database database;
    private CoalitionAdmin admin;
    private CardProgramme coalition;

    abstract DatabaseConfig newDatabase();

    @BeforeEach
    void aProgramme() {
        config = newDatabase();
        database = Database.open(config);
        admin = new CoalitionAdmin(database, IdGenerator.forNode(1), Clock.systemUTC());
        coalition = admin.createCardProgramme("coalition", "628000", 16, CheckDigitRule.LUHN);
        admin.issueCardRange(coalition, "6280000100000000", "6280000100000999");
    }

    @AfterEach
    void close() {
        database.close();
        TestDatabases.dropMySql(config);
    }

    @Test
    void theSameRangeOrOneOverlappingItIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> admin.issueCardRange(coalition, "6280000100000000", "6280000100000999"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps a range already issued")
                .hasMessageNotContaining("6280000100000000");
        assertThatThrownBy(() -> admin.issueCardRange(coalition, "6280000100000500", "6280000100001499"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> admin.issueCardRange(coalition, "6280000099999000", "6280000100000000"))
                .as("touching the first number").isInstanceOf(IllegalArgumentException.class);

        assertThat(admin.loadCardCatalog().ranges()).hasSize(1);
    }

    @Test
    void theNextRangeIsIssuedButAnotherProgrammesRangeOverTheSameNumbersIsNot() {
        CardProgramme partner = admin.createCardProgramme("partner", "628000", 16, CheckDigitRule.LUHN);

        admin.issueCardRange(coalition, "6280000100001000", "6280000100001999");
        assertThatThrownBy(() -> admin.issueCardRange(partner, "6280000100000000", "6280000100000999"))
                .isInstanceOf(IllegalArgumentException.class);
        admin.issueCardRange(partner, "6280000200000000", "6280000200000999");

        assertThat(admin.loadCardCatalog().ranges()).hasSize(3);
    }
}
