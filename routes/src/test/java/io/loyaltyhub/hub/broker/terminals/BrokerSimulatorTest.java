package io.loyaltyhub.hub.broker.terminals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.adapters.simulator.PosSimulator;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.HubFixture.Merchant;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The POS simulator's broker subcommand against a real hub whose reply timeout is zero, so every terminal first
 * hears "pending" and then, on the same reply address, the answer.
 */
@Slow
class BrokerSimulatorTest {
    private static HubFixture fixture;
    private static Merchant merchant;

    @BeforeAll
    static void startHub() {
        fixture = HubFixture.start(Map.of("hub.swipe.reply-timeout-ms", "0"), List.of(new BrokerTerminalsExtension()));
        merchant = fixture.merchant();
    }

    @AfterAll
    static void stopHub() {
        fixture.close();
    }

    private record Run(int exitCode, String output) {
    }

    private static Run simulate(String protocol, String... more) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PosSimulator()).setOut(new PrintWriter(out, true));
        List<String> args = new java.util.ArrayList<>(List.of("broker", "--protocol", protocol,
                "--port", Integer.toString(fixture.brokerTerminalPort(protocol)),
                "--merchant", merchant.code(), "--terminal", merchant.till().terminalCode(),
                "--credential", merchant.till().credentialId(), "--secret", merchant.till().secret()));
        args.addAll(List.of(more));
        return new Run(cli.execute(args.toArray(String[]::new)), out.toString());
    }

    @Test
    void overMqttTheTillHearsPendingThenItsAnswerAndIsCredited() {
        String card = HubFixture.card(9_001);
        Run run = simulate("mqtt", "--card", card, "--amount", "12345", "--txn-ref", "sim-mqtt");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"status\":\"pending\"").contains("\"status\":\"approved\"")
                .contains("\"points\":123").doesNotContain(card);
        assertThat(run.output().indexOf("pending")).isLessThan(run.output().indexOf("approved"));
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.balanceOf(card) == 123);
    }

    @Test
    void overStompSeveralSalesAreEachAnswered() {
        Run run = simulate("stomp", "--count", "3", "--amount", "1000", "--txn-ref", "sim-stomp");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"txnRef\":\"sim-stomp\"").contains("\"txnRef\":\"sim-stomp-1\"")
                .contains("\"txnRef\":\"sim-stomp-2\"");
        assertThat(fixture.queryLong("SELECT COUNT(*) FROM purchase WHERE txn_ref LIKE 'sim-stomp%' AND result = 'APPROVED'"))
                .isEqualTo(3);
    }

    @Test
    void aBadBodyIsReportedWithItsCodeAndAFailingExitStatus() {
        Run run = simulate("mqtt", "--body", "{\"txnRef\":\"sim-bad\",\"amount\":100}");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("\"status\":\"rejected\"").contains("\"code\":\"missing-field\"");
    }
}
