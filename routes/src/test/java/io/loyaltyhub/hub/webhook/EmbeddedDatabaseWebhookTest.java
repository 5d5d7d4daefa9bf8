package io.loyaltyhub.hub.webhook;

import java.util.Map;

class EmbeddedDatabaseWebhookTest extends WebhookSuite {
    @Override
    Map<String, String> databaseSettings() {
        return Map.of();
    }

    @Override
    void dropDatabase() {
    }
}
