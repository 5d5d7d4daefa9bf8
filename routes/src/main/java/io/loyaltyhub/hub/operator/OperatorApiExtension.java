package io.loyaltyhub.hub.operator;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.admin.OperatorCredentials;
import io.loyaltyhub.domain.crypto.Argon2idHasher;
import io.loyaltyhub.domain.household.CardLifecycle;
import io.loyaltyhub.domain.household.Households;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.reward.MailedRedemptions;
import io.loyaltyhub.domain.reward.PointValues;
import io.loyaltyhub.domain.reward.RewardCatalogue;
import io.loyaltyhub.domain.settlement.Liability;
import io.loyaltyhub.hub.ChannelPorts;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.http.RequestBodies;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * The operator's HTTP API on the hub's HTTP port (docs/households.md): link cards into households, let them leave,
 * merge households, activate, block, unblock and replace cards; run the rewards catalogue and mail gifts
 * (docs/rewards.md); read the settlement's liability (docs/settlement.md); under an operator credential.
 */
public final class OperatorApiExtension implements HubExtension {
    /** Operator request bodies are a few card numbers: anything larger is refused before it is read. */
    private static final long MAX_BODY_BYTES = 4096;

    private OperatorCredentials credentials;

    @Override
    public void checkSettings(HubSettings settings) {
        // no settings of its own: it answers on hub.http.port
    }

    @Override
    public List<RoutesBuilder> routes(ChannelPorts ports) {
        IdGenerator ids = ports.ids();
        credentials = new OperatorCredentials(ports.database(), ids, ports.clock(), Argon2idHasher.recommended());
        OperatorAuthenticator authenticator = new OperatorAuthenticator(credentials, ports.loginThrottle());
        OperatorRequests api = new OperatorRequests(authenticator,
                new RequestBodies(MAX_BODY_BYTES, "body-too-large", "the body"), ports.cardReader(),
                new Households(ports.database(), ids, ports.clock()), new CardLifecycle(ports.database(), ids, ports.clock()));
        OperatorRewardRequests rewards = new OperatorRewardRequests(authenticator, api,
                new CoalitionAdmin(ports.database(), ids, ports.clock()), new RewardCatalogue(ports.database(), ids, ports.clock()),
                new MailedRedemptions(ports.database(), ids, ports.clock()), new PointValues(ports.database(), ports.clock()));
        OperatorSettlementRequests settlement = new OperatorSettlementRequests(authenticator,
                new Liability(ports.database()));
        return List.of(new OperatorHttpRoutes(api), new OperatorRewardRoutes(rewards), new OperatorSettlementRoutes(settlement));
    }

    /** The operator credentials of the running hub (the demo issues one). */
    public OperatorCredentials credentials() {
        if (credentials == null) {
            throw new IllegalStateException("the operator API has not been started");
        }
        return credentials;
    }
}
