package io.loyaltyhub.adapters.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Drives the broker channel as one till: logs in to the hub's broker over MQTT or STOMP with the till's credential,
 * publishes transactions to its ingress address and prints every reply from its reply address, until each
 * transaction has its answer (a "pending" reply is printed and waited past) or the time runs out.
 * Exit status 0 when every transaction was answered approved or declined, 1 otherwise.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Send transactions as a broker-native till (MQTT or STOMP) and print the replies.")
final class BrokerCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stands for the one --body transaction, whose reference may not be readable. */
    private static final String RAW = "(body)";
    @Spec
    CommandSpec spec;

    @Option(names = "--protocol", defaultValue = "mqtt", description = "mqtt or stomp (default ${DEFAULT-VALUE})")
    String protocol;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "hub broker host (default ${DEFAULT-VALUE})")
    String host;
    @Option(names = "--port", description = "broker port (default 11883 for mqtt, 61613 for stomp: the hub's defaults)")
    Integer port;
    @Option(names = "--merchant", required = true, description = "merchant code (part of the till's addresses)")
    String merchant;
    @Option(names = "--terminal", required = true, description = "terminal code (part of the till's addresses)")
    String terminal;
    @Mixin
    TerminalLoginOptions login;
    @Option(names = "--body", description = "send this JSON as is (once) instead of generated transactions")
    String body;
    @Option(names = "--card", description = "card number (default: test cards from --card-prefix)")
    String card;
    @Mixin
    TestCardOptions testCards;
    @Option(names = "--type", defaultValue = "SALE", description = "SALE, REFUND, VOID, REVERSAL, REDEEM, BALANCE_INQUIRY")
    String type;
    @Mixin
    AmountOptions sale;
    @Option(names = "--original-txn-ref", description = "for REFUND, VOID, REVERSAL") String original;
    @Option(names = "--redeem-points", description = "for REDEEM") Long redeemPoints;
    @Option(names = "--txn-ref", description = "reference of the first transaction (default: a run id); more get -1, -2...")
    String txnRef;
    @Option(names = "--count", defaultValue = "1", description = "transactions to send (default ${DEFAULT-VALUE})") int count;
    @Option(names = "--timeout-seconds", defaultValue = "15", description = "how long to wait for the answers") int timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int brokerPort = port != null ? port : "stomp".equalsIgnoreCase(protocol) ? 61613 : 11883;
        Set<String> waiting = new LinkedHashSet<>();
        boolean allAnswered = true;
        try (BrokerTill till = BrokerTill.open(protocol, host, brokerPort, merchant, terminal, login.credential, login.secret)) {
            if (body != null) {
                till.send(body);
                waiting.add(RAW);
            } else {
                String run = txnRef != null ? txnRef : "sim" + Long.toString(System.currentTimeMillis(), 36);
                for (int i = 0; i < count; i++) {
                    String ref = i == 0 ? run : run + "-" + i;
                    till.send(transaction(ref, card != null ? card : testCards.card(1 + i)));
                    waiting.add(ref);
                }
            }
            Instant deadline = Instant.now().plusSeconds(timeout);
            while (!waiting.isEmpty()) {
                Duration left = Duration.between(Instant.now(), deadline);
                String reply = left.isNegative() ? null : till.nextReply(left);
                if (reply == null) {
                    out.println("no answer within " + timeout + " s for " + waiting);
                    out.flush();
                    return 1;
                }
                out.println(reply);
                JsonNode answer = JSON.readTree(reply);
                String status = answer.path("status").asText();
                if (!"pending".equals(status)) {
                    String ref = answer.path("txnRef").asText(RAW);
                    waiting.remove(waiting.contains(ref) ? ref : waiting.iterator().next());
                    allAnswered &= !"rejected".equals(status);
                }
            }
        }
        out.flush();
        return allAnswered ? 0 : 1;
    }

    private String transaction(String ref, String cardNumber) {
        ObjectNode t = JSON.createObjectNode().put("txnRef", ref).put("type", type).put("cardNumber", cardNumber);
        if (!"BALANCE_INQUIRY".equalsIgnoreCase(type) && !"REDEEM".equalsIgnoreCase(type)
                && !"VOID".equalsIgnoreCase(type) && !"REVERSAL".equalsIgnoreCase(type)) {
            t.put("amount", sale.amount).put("currency", sale.currency);
        }
        if (original != null) {
            t.put("originalTxnRef", original);
        }
        if (redeemPoints != null) {
            t.put("redeemPoints", redeemPoints);
        }
        return t.toString();
    }
}
