package io.loyaltyhub.hub.portal;

import java.util.Map;

class EmbeddedDatabaseOperatorConsoleTest extends OperatorConsoleSuite {
    @Override
    Map<String, String> databaseSettings() {
        return Map.of();
    }

    @Override
    void dropDatabase() {
    }
}
