package io.loyaltyhub.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;
import org.apache.activemq.artemis.core.server.JournalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTypeTest {
    @TempDir
    Path dir;

    @Test
    void autoTakesAioExactlyWhereArtemisCanUseIt() throws Exception {
        boolean aio = AIOSequentialFileFactory.isSupported(dir.toFile());
        assertThat(EmbeddedBroker.journalType(dir.resolve("journal"), "auto")).isEqualTo(aio ? JournalType.ASYNCIO : JournalType.NIO);
        assertThat(EmbeddedBroker.journalType(dir.resolve("journal"), "NIO")).isEqualTo(JournalType.NIO);
    }

    @Test
    void aioThatCannotBeHadIsAClearErrorNotASilentFallback() throws Exception {
        if (AIOSequentialFileFactory.isSupported(dir.toFile())) {
            assertThat(EmbeddedBroker.journalType(dir.resolve("journal"), "aio")).isEqualTo(JournalType.ASYNCIO);
        } else {
            assertThatThrownBy(() -> EmbeddedBroker.journalType(dir.resolve("journal"), "aio"))
                    .hasMessageContaining("AIO journal is not available");
        }
        assertThatThrownBy(() -> EmbeddedBroker.journalType(dir, "mapped")).hasMessageContaining("auto, aio or nio");
    }
}
