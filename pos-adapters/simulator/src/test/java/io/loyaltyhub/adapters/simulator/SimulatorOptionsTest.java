package io.loyaltyhub.adapters.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.card.Luhn;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The option blocks the simulator's commands share (picocli mixins) mean the same in each command. */
class SimulatorOptionsTest {

    @Test
    void everyCommandThatMakesUpCardsTakesTheSameCardOptions() {
        for (Object command : List.of(new HttpLoadCommand(), new BrokerCommand(), new DropCsvBatchCommand())) {
            assertThat(new CommandLine(command).getCommandSpec().optionsMap())
                    .as(command.getClass().getSimpleName())
                    .containsKeys("--card-prefix", "--card-length", "--no-check-digit");
        }
        for (Object command : List.of(new HttpLoadCommand(), new BrokerCommand())) {
            assertThat(new CommandLine(command).getCommandSpec().optionsMap())
                    .as(command.getClass().getSimpleName())
                    .containsKeys("--credential", "--secret", "--amount", "--currency");
        }
    }

    @Test
    void testCardsAreLuhnNumbersOfTheProgrammeOrPlainSerialsWithoutACheckDigit() {
        HttpLoadCommand http = new HttpLoadCommand();
        new CommandLine(http).parseArgs("--credential", "term-1", "--secret", "s");

        assertThat(http.testCards.card(1)).startsWith("628000").hasSize(16).satisfies(c -> assertThat(Luhn.isValid(c)).isTrue());
        assertThat(http.sale.amount).isEqualTo(1999);
        assertThat(http.sale.currency).isEqualTo("EUR");
        assertThat(http.login.credential).isEqualTo("term-1");

        BrokerCommand broker = new BrokerCommand();
        new CommandLine(broker).parseArgs("--merchant", "m", "--terminal", "t", "--credential", "c", "--secret", "s",
                "--card-prefix", "0000000000", "--card-length", "25", "--no-check-digit");

        assertThat(broker.testCards.card(7)).isEqualTo("0000000000000000000000007");
    }
}
