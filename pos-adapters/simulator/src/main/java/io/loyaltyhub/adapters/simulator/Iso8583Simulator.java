package io.loyaltyhub.adapters.simulator;

import io.loyaltyhub.adapters.iso8583.Framing;
import io.loyaltyhub.adapters.iso8583.HexDump;
import io.loyaltyhub.adapters.iso8583.Iso8583Client;
import io.loyaltyhub.adapters.iso8583.Iso8583Dialect;
import io.loyaltyhub.adapters.iso8583.Iso8583Message;
import io.loyaltyhub.adapters.iso8583.LoyaltyData;
import io.loyaltyhub.adapters.iso8583.MacKey;
import io.loyaltyhub.adapters.iso8583.MalformedMessageException;
import io.loyaltyhub.adapters.iso8583.MessageKind;
import io.loyaltyhub.adapters.iso8583.ResponseCode;
import io.loyaltyhub.adapters.iso8583.TerminalRequests;
import io.loyaltyhub.adapters.iso8583.ZeroPadded;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * A POS terminal on the command line: connects to the hub's ISO 8583 listener and sends sales, refunds,
 * balance inquiries, redemptions, advices, reversals and echo tests, printing each answer. Exit code 0
 * when every answer was approved, 1 when one was declined, 2 when the exchange itself failed.
 */
@Command(name = "iso8583", mixinStandardHelpOptions = true,
        description = "ISO 8583 POS simulator for the Loyalty Hub's ISO 8583 listener.",
        subcommands = {
            Iso8583Simulator.Sale.class, Iso8583Simulator.Refund.class, Iso8583Simulator.Balance.class,
            Iso8583Simulator.Redeem.class, Iso8583Simulator.Pay.class, Iso8583Simulator.Echo.class, Iso8583Simulator.KeepAlive.class
        })
public final class Iso8583Simulator {

    static final int APPROVED = 0;
    static final int DECLINED = 1;
    static final int FAILED = 2;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Iso8583Simulator()).execute(args));
    }

    /** Where and as whom to connect; shared by every subcommand. */
    static final class Connection {
        @Option(names = "--host", defaultValue = "localhost", description = "hub host (default: ${DEFAULT-VALUE})")
        String host;
        @Option(names = "--port", required = true, description = "port of the hub's ISO 8583 listener")
        int port;
        @Option(names = "--framing", defaultValue = "binary-2", description = "length header: binary-2 or ascii-4 (default: ${DEFAULT-VALUE})")
        String framing;
        @Option(names = {"-t", "--terminal"}, required = true, description = "terminal code, field 41 (at most 8 characters)")
        String terminal;
        @Option(names = {"-m", "--merchant"}, required = true, description = "merchant code, field 42 (at most 15 characters)")
        String merchant;
        @Option(names = "--mac-key", description = "the terminal's MAC key, 32 hex characters; signs requests with field 64")
        String macKey;
        @Option(names = "--currency", defaultValue = "978", description = "field 49, numeric or alphabetic (default: ${DEFAULT-VALUE})")
        String currency;
        @Option(names = "--stan", description = "STAN of the first request (default: derived from the clock)")
        Integer stan;
        @Option(names = "--timeout", defaultValue = "PT15S", description = "connect and answer timeout, ISO-8601 (default: ${DEFAULT-VALUE})")
        Duration timeout;
        @Option(names = "--dump", description = "print a hex dump of every message sent and received (shows the card number: use test cards)")
        boolean dump;

        Iso8583Client connect() throws IOException {
            return Iso8583Client.connect(host, port, Framing.fromConfig(framing), timeout,
                    macKey == null ? null : MacKey.ofHex(macKey));
        }

        TerminalRequests requests() {
            int first = stan != null ? stan : (int) (System.currentTimeMillis() / 1000 % 999_999) + 1;
            return new TerminalRequests(terminal, merchant, currency, Clock.systemDefaultZone(), first);
        }
    }

    /** What happens around the one request: repeat it, send it as an advice, reverse it afterwards. */
    static final class Options {
        @Option(names = "--advice", description = "send as an 0220 advice (already completed at the till)")
        boolean advice;
        @Option(names = "--repeat", description = "send the request a second time as a repeat (MTI ending in 1)")
        boolean repeat;
        @Option(names = "--reverse", description = "after the answer, send an 0400 reversal of the request")
        boolean reverse;
        @Option(names = "--reverse-advice", description = "after the answer, send an 0420 reversal advice of the request")
        boolean reverseAdvice;
    }

    abstract static class Financial implements Callable<Integer> {
        @Mixin
        Connection connection;
        @Mixin
        Options options;
        @Option(names = {"-c", "--card"}, required = true, description = "card number, or track 2 data (digits=expiry...)")
        String card;
        @Spec
        CommandLine.Model.CommandSpec spec;

        abstract Iso8583Message request(TerminalRequests requests);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            TerminalRequests requests = connection.requests();
            Iso8583Message request = request(requests);
            if (options.advice) {
                request = TerminalRequests.asAdvice(request);
            }
            List<Iso8583Message> script = new ArrayList<>();
            script.add(request);
            if (options.repeat) {
                script.add(TerminalRequests.asRepeat(request));
            }
            if (options.reverse || options.reverseAdvice) {
                script.add(requests.reversal(request, options.reverseAdvice));
            }
            return run(connection, script, out);
        }
    }

    @Command(name = "sale", mixinStandardHelpOptions = true, description = "0200 purchase (processing code 00): earns points")
    static final class Sale extends Financial {
        @Option(names = {"-a", "--amount"}, required = true, description = "amount in minor units, e.g. 1250 for 12.50")
        long amount;

        @Override
        Iso8583Message request(TerminalRequests requests) {
            return requests.sale(card, amount);
        }
    }

    @Command(name = "refund", mixinStandardHelpOptions = true,
            description = "0200 refund (processing code 20): with --original-stan and --original-time it names its sale in "
                    + "field 90 and takes points back in proportion; without, it moves no points")
    static final class Refund extends Financial {
        @Option(names = {"-a", "--amount"}, required = true, description = "amount in minor units")
        long amount;
        @Option(names = "--original-stan", description = "the sale's STAN (field 11), e.g. 000042")
        String originalStan;
        @Option(names = "--original-time", description = "the sale's transmission date and time (field 7, MMddHHmmss, UTC)")
        String originalTime;

        @Override
        Iso8583Message request(TerminalRequests requests) {
            Iso8583Message refund = requests.refund(card, amount);
            if (originalStan == null && originalTime == null) {
                return refund;
            }
            if (originalStan == null || originalTime == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--original-stan and --original-time go together: they name the sale in field 90");
            }
            return refund.with(Iso8583Dialect.ORIGINAL_DATA_ELEMENTS, TerminalRequests.originalDataElements(
                    MessageKind.FINANCIAL_REQUEST.mti(), ZeroPadded.of(Integer.parseInt(originalStan), 6), originalTime));
        }
    }

    @Command(name = "balance", mixinStandardHelpOptions = true, description = "0200 balance inquiry (processing code 31)")
    static final class Balance extends Financial {
        @Override
        Iso8583Message request(TerminalRequests requests) {
            return requests.balanceInquiry(card);
        }
    }

    @Command(name = "redeem", mixinStandardHelpOptions = true, description = "0200 points redemption (processing code 91, points in field 63 element RP)")
    static final class Redeem extends Financial {
        @Option(names = {"-p", "--points"}, required = true, description = "points to spend")
        long points;

        @Override
        Iso8583Message request(TerminalRequests requests) {
            return requests.redemption(card, points);
        }
    }

    @Command(name = "pay", mixinStandardHelpOptions = true, description = "0200 paying part of a sale with points "
            + "(processing code 91, the sale in fields 4 and 49, the points in field 63 element PY)")
    static final class Pay extends Financial {
        @Option(names = {"-p", "--points"}, required = true, description = "points offered")
        long points;
        @Option(names = {"-a", "--amount"}, required = true, description = "the sale's amount in minor units")
        long amount;

        @Override
        Iso8583Message request(TerminalRequests requests) {
            return requests.pointsPayment(card, points, amount);
        }
    }

    @Command(name = "echo", mixinStandardHelpOptions = true, description = "0800 echo test (field 70 = 301)")
    static final class Echo implements Callable<Integer> {
        @Mixin
        Connection connection;
        @Option(names = "--count", defaultValue = "1", description = "how many echo tests to send on the one connection")
        int count;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            TerminalRequests requests = connection.requests();
            List<Iso8583Message> script = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                script.add(requests.echo());
            }
            return run(connection, script, spec.commandLine().getOut());
        }
    }

    @Command(name = "keepalive", mixinStandardHelpOptions = true, description = "a zero-length frame; the hub answers with one")
    static final class KeepAlive implements Callable<Integer> {
        @Mixin
        Connection connection;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Iso8583Client client = connection.connect()) {
                boolean answered = client.keepAlive();
                out.println(answered ? "keep-alive answered" : "keep-alive answered with a non-empty frame");
                return answered ? APPROVED : DECLINED;
            } catch (IOException e) {
                out.println("failed: " + e.getMessage());
                return FAILED;
            } finally {
                out.flush();
            }
        }
    }

    /** Sends each message on one connection, printing request and answer; the worst outcome decides the exit code. */
    static int run(Connection connection, List<Iso8583Message> script, PrintWriter out) {
        int worst = APPROVED;
        try (Iso8583Client client = connection.connect()) {
            for (Iso8583Message request : script) {
                Iso8583Client.Exchange exchange = client.exchange(request);
                out.println("> " + exchange.request());
                if (connection.dump) {
                    out.print(HexDump.of(exchange.requestBytes()));
                }
                out.println("< " + exchange.response());
                if (connection.dump) {
                    out.print(HexDump.of(exchange.responseBytes()));
                }
                out.println("  " + summary(exchange));
                if (!ResponseCode.APPROVED.equals(exchange.responseCode())) {
                    worst = DECLINED;
                }
            }
            return worst;
        } catch (IOException | MalformedMessageException | RuntimeException e) {
            out.println("failed: " + e.getMessage());
            return FAILED;
        } finally {
            out.flush();
        }
    }

    private static String summary(Iso8583Client.Exchange exchange) {
        StringBuilder line = new StringBuilder("response code ").append(exchange.responseCode());
        LoyaltyData data;
        try {
            data = exchange.loyaltyData();
        } catch (IllegalArgumentException e) {
            return line.append(", field 63 unreadable").toString();
        }
        data.element(LoyaltyData.POINTS_CHANGE).ifPresent(points -> line.append(", points ").append(points));
        data.element(LoyaltyData.POINTS_BALANCE).ifPresent(balance -> line.append(", balance ").append(balance));
        data.element(LoyaltyData.PAID_MONEY).ifPresent(money -> line.append(", paid with points ").append(money));
        data.element(LoyaltyData.EARN_RULES).ifPresent(rules -> line.append(", rules ").append(rules));
        data.element(LoyaltyData.STATUS).ifPresent(status ->
                line.append(LoyaltyData.STATUS_PENDING.equals(status) ? ", pending (points will follow)" : ""));
        return line.toString();
    }
}
