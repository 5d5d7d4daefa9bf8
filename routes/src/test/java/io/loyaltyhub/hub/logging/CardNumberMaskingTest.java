package io.loyaltyhub.hub.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardNumberMaskingTest {
    private static final String PAN = "6280000000001238";

    @Test
    void cardShapedNumbersAreReducedToTheirLastFour() {
        assertThat(CardNumberMasking.mask("card 6280000000001238 declined")).isEqualTo("card ****1238 declined");
        assertThat(CardNumberMasking.mask("pan=4111-1111-1111-1111;")).isEqualTo("pan=****1111;");
        assertThat(CardNumberMasking.mask("ncr 4000000000000000000012345 ok")).isEqualTo("ncr ****2345 ok");
    }

    @Test
    void ordinaryNumbersAreLeftAlone() {
        assertThat(CardNumberMasking.mask("batch of 200 in 35 ms, id 123456789")).isEqualTo("batch of 200 in 35 ms, id 123456789");
    }

    @Test
    void trackDataLosesEverythingButTheLastFourOfItsCardNumber() {
        assertThat(CardNumberMasking.mask("t2 ;" + PAN + "=29121010000012345678? end")).isEqualTo("t2 ****1238=… end");
        assertThat(CardNumberMasking.mask("f35 " + PAN + "D2912101000001234")).isEqualTo("f35 ****1238=…");
        assertThat(CardNumberMasking.mask("{\"track1\":\"%B" + PAN + "^DOE/JANE^2912101000000000?\"}"))
                .isEqualTo("{\"track1\":\"****1238=…\"}");
        assertThat(CardNumberMasking.mask("B" + PAN + "^DOE/JANE^29121010")).doesNotContain("DOE", "2912", PAN);
    }

    @Test
    void theShippedLogbackConfigurationMasksEveryAppenderIncludingExceptionsAndStackTraces() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        for (ch.qos.logback.classic.Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                appenders.add(it.next());
            }
        }
        assertThat(appenders).isNotEmpty();
        for (Appender<ILoggingEvent> appender : appenders) {
            assertThat(appender).isInstanceOf(OutputStreamAppender.class);
            PatternLayoutEncoder encoder = (PatternLayoutEncoder) ((OutputStreamAppender<ILoggingEvent>) appender).getEncoder();
            String pattern = encoder.getPattern().strip();
            assertThat(pattern).as(appender.getName()).startsWith("%mask(").endsWith(")").contains("%ex");

            PatternLayout layout = new PatternLayout();
            layout.setContext(context);
            layout.setPattern(pattern);
            layout.start();
            LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.ERROR, "swipe {} failed",
                    new IllegalStateException("bad card " + PAN, new RuntimeException("track ;" + PAN + "=2912101?")),
                    new Object[] {PAN});
            String line = layout.doLayout(event);
            assertThat(line).contains("****1238").doesNotContain(PAN).doesNotContain("2912101");
        }
        context.stop();
    }
}
