package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.Iso8583Codec;
import io.loyaltyhub.adapters.iso8583.Iso8583Dialect;
import io.loyaltyhub.adapters.iso8583.Iso8583Message;
import io.loyaltyhub.adapters.iso8583.MessageAuthentication;
import io.loyaltyhub.adapters.iso8583.ResponseBuilder;
import io.loyaltyhub.adapters.iso8583.ResponseCode;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every ISO 8583 listener's route answers a failure no verdict describes (a bug, not an outage), declared once:
 * 96 "system error", signed like any answer, so the terminal sends the request again and a copy is counted once; or,
 * when no request was read, no answer (the connection closes).
 */
public final class Iso8583Errors extends RouteConfigurationBuilder {
    public static final String ID = "iso8583-errors";
    private static final Logger log = LoggerFactory.getLogger(Iso8583Errors.class);

    private final Iso8583Codec codec = new Iso8583Codec();
    private final ResponseBuilder responses = new ResponseBuilder();
    private final MessageAuthentication authentication = new MessageAuthentication(codec);

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class).handled(true)
                .process(this::answerSystemError);
    }

    private void answerSystemError(Exchange exchange) {
        Iso8583RequestHandler.InIntake inIntake = exchange.getProperty(Iso8583RequestHandler.IN_INTAKE,
                Iso8583RequestHandler.InIntake.class);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (inIntake == null) {
            log.error("{}: could not read a message", exchange.getFromRouteId(), failure);
            exchange.getMessage().setBody(null);
            return;
        }
        Iso8583Message request = inIntake.request();
        log.error("{}: could not process {} STAN {}", exchange.getFromRouteId(), request.mti(),
                request.field(Iso8583Dialect.STAN).orElse("-"), failure);
        Iso8583Message refusal = responses.refusal(request, ResponseCode.SYSTEM_ERROR);
        Iso8583Message answer = inIntake.macKey().map(key -> authentication.sign(refusal, key)).orElse(refusal);
        exchange.getMessage().setBody(new Iso8583Frame(codec.encode(answer)));
    }
}
