package io.loyaltyhub.hub.broker.terminals;

import io.loyaltyhub.hub.config.HubSettings;
import java.time.Duration;

/**
 * The broker-native terminals' channel settings (the acceptors themselves: {@link TerminalBrokerSetup}).
 *
 * @param consumers {@code hub.broker.terminals.consumers}: terminal messages taken at once
 * @param maxMessageBytes {@code hub.broker.terminals.max-message-bytes}: a larger message is rejected unread
 * @param replyTimeout {@code hub.swipe.reply-timeout-ms}: how long before "pending" is sent (the answer follows)
 */
public record BrokerTerminalSettings(int consumers, int maxMessageBytes, Duration replyTimeout) {
    public static BrokerTerminalSettings from(HubSettings settings) {
        return new BrokerTerminalSettings(settings.positive("hub.broker.terminals.consumers"),
                settings.positive("hub.broker.terminals.max-message-bytes"), settings.millis("hub.swipe.reply-timeout-ms"));
    }
}
