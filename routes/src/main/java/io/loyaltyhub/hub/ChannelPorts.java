package io.loyaltyhub.hub;

import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.member.MemberContacts;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.terminal.TerminalDirectory;
import io.loyaltyhub.hub.auth.LoginThrottle;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.http.RequestSignatureCheck;
import io.loyaltyhub.hub.http.TerminalAuthenticator;
import io.loyaltyhub.hub.keys.HubKeyStore;
import io.loyaltyhub.hub.swipe.SwipeGateway;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Everything a channel may use, built once when the hub starts and handed to every channel the same way (HTTP
 * JSON included). A channel gets nothing else from the hub: it adds its routes, which send decoded transactions to
 * the intake route ({@link io.loyaltyhub.hub.intake.IntakeRoutes#URI}), or to {@link #intake} from its own code.
 *
 * @param settings the hub's settings (each channel reads its own, typed, at start)
 * @param clock the hub's one clock
 * @param intake the intake route, for channels that submit transactions from their own code (files, documents,
 *     broker consumers)
 * @param terminals terminals by credential or by code, and their merchant
 * @param cardReader card numbers to tokens, at the edge
 * @param merchantByCode a merchant by its code (inbox folders are named after it)
 * @param database for the channel's own stores (processed files, MAC keys, report audit)
 * @param keys the hub's keystore (MAC keys are wrapped by its master key; report pseudonyms derive from it)
 * @param memberContacts consented contacts for merchants' reports
 * @param terminalAuthenticator the one HTTP terminal login (one failed-login throttle)
 * @param requestSignatures the one check of signed terminal requests (one nonce memory)
 * @param loginThrottle failed-login throttling shared by every credential-taking endpoint
 * @param brokerConnections a new connection to the hub's broker under the hub's own login
 * @param brokerPorts the ports broker-native terminals speak on (embedded broker only)
 * @param vitals this node's health checks and throughput counts (the operator console shows them)
 * @param meters this node's Micrometer registry, served on /metrics, for a channel's own meters
 */
public record ChannelPorts(HubSettings settings, Clock clock, IdGenerator ids, SwipeGateway intake, TerminalDirectory terminals,
                           CardReader cardReader, Function<String, Optional<MerchantId>> merchantByCode,
                           Database database, HubKeyStore keys, MemberContacts memberContacts,
                           TerminalAuthenticator terminalAuthenticator, RequestSignatureCheck requestSignatures,
                           LoginThrottle loginThrottle, Callable<jakarta.jms.Connection> brokerConnections,
                           BrokerPorts brokerPorts, io.loyaltyhub.hub.health.HubVitals vitals,
                           io.micrometer.core.instrument.MeterRegistry meters) {

    /** The ports broker-native terminals speak on, read when they are known (after the embedded broker started). */
    public interface BrokerPorts {
        /** @param protocol "mqtt", "amqp" or "stomp" */
        int port(String protocol);
    }
}
