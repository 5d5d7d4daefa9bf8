package io.loyaltyhub.hub.http;

import io.loyaltyhub.adapters.json.JsonSwipeCodec;
import io.loyaltyhub.hub.ChannelPorts;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.intake.AwaitVerdict;
import io.loyaltyhub.hub.intake.IntakeRoutes;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * POST /pos/v1/transactions: one swipe as JSON over HTTP, answered with the engine's result — or 202 "accepted,
 * pending" when that takes longer than {@code hub.swipe.reply-timeout-ms}. Every hub runs it.
 */
public final class HttpJsonChannel implements HubExtension {
    public static final String ROUTE_ID = "pos-http-transactions";
    static final String PATH = "/pos/v1/transactions";

    @Override
    public void checkSettings(HubSettings settings) {
        HttpJsonSettings.from(settings);
    }

    @Override
    public List<RoutesBuilder> routes(ChannelPorts ports) {
        JsonSwipeAnswers json = new JsonSwipeAnswers(new JsonSwipeCodec(ports.cardReader(), ports.clock()));
        HttpJsonSettings settings = HttpJsonSettings.from(ports.settings());
        RequestBodies bodies = new RequestBodies(settings.maxBodyBytes(), "body-too-large", "the body");
        return List.of(new EndpointRouteBuilder() {
            @Override
            public void configure() {
                // No body handler: the terminal is authenticated from the headers first, then the body is read.
                from(platformHttp(PATH).httpMethodRestrict("POST").advanced().useBodyHandler(false))
                        .routeId(ROUTE_ID)
                        .routeConfigurationId(HttpProblems.ID)
                        .process(TerminalRequest.authenticateTerminal(ports.terminalAuthenticator()))
                        .process(TerminalRequest.readBody(bodies, MediaTypes.JSON, "send the transaction as application/json", null))
                        .process(TerminalRequest.checkSignature(ports.requestSignatures(), "POST", PATH))
                        .process(json::decodeSwipe)
                        .to(IntakeRoutes.URI)
                        .process(new AwaitVerdict(settings.replyTimeout()))
                        .process(json::answerVerdict);
            }
        });
    }
}
