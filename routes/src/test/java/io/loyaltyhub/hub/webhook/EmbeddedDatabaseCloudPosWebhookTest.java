package io.loyaltyhub.hub.webhook;

import java.util.Map;

class EmbeddedDatabaseCloudPosWebhookTest extends CloudPosWebhookSuite {
    @Override
    Map<String, String> databaseSettings() {
        return Map.of();
    }

    @Override
    void dropDatabase() {
    }
}
