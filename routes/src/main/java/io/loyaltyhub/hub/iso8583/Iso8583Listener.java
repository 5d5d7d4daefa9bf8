package io.loyaltyhub.hub.iso8583;

import io.loyaltyhub.adapters.iso8583.Iso8583Codec;
import io.loyaltyhub.adapters.iso8583.MessageAuthentication;
import io.loyaltyhub.adapters.iso8583.TransactionRequestReader;
import io.loyaltyhub.domain.card.CardReader;
import io.loyaltyhub.domain.terminal.TerminalDirectory;
import java.time.Clock;

/** A configured listener and the request handler that serves it, assembled from the hub's shared services. */
public record Iso8583Listener(Iso8583ListenerSettings settings, Iso8583RequestHandler handler) {

    public static Iso8583Listener create(Iso8583ListenerSettings settings, TerminalDirectory terminals, TerminalMacKeys macKeys,
                                         CardReader cards, Clock clock) {
        Iso8583Codec codec = new Iso8583Codec();
        TerminalAuthentication authentication = new TerminalAuthentication(terminals, macKeys,
                new MessageAuthentication(codec), settings.macRequired());
        Iso8583RequestHandler handler = new Iso8583RequestHandler(settings.name(), codec, authentication,
                new TransactionRequestReader(cards, clock));
        return new Iso8583Listener(settings, handler);
    }
}
