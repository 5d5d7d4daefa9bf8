package io.loyaltyhub.hub;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Everything the hub logs while a test runs, the ISO 8583 classes at DEBUG, so a test can look for card numbers in it. */
public final class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger iso8583 = (Logger) LoggerFactory.getLogger("io.loyaltyhub.hub.iso8583");
    private final Level previousLevel = iso8583.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public CapturedLogs() {
        appender.start();
        root.addAppender(appender);
        iso8583.setLevel(Level.DEBUG);
    }

    /** Every message, its arguments rendered, with the text of any exception chain. */
    public String text() {
        List<ILoggingEvent> events = List.copyOf(appender.list);
        return events.stream().map(e -> e.getFormattedMessage() + throwableText(e.getThrowableProxy()))
                .collect(Collectors.joining("\n"));
    }

    /** The messages one logger wrote, arguments rendered: what other code logs meanwhile is not among them. */
    public List<String> linesOf(Class<?> logger) {
        return List.copyOf(appender.list).stream().filter(e -> e.getLoggerName().equals(logger.getName()))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static String throwableText(IThrowableProxy proxy) {
        StringBuilder out = new StringBuilder();
        for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
            out.append(" | ").append(p.getClassName()).append(": ").append(p.getMessage());
        }
        return out.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        iso8583.setLevel(previousLevel);
    }
}
