package io.loyaltyhub.hub.cli;

import io.loyaltyhub.hub.config.HubSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options every command shares: where the configuration comes from. {@link #load()} is for commands that work
 * on an existing hub's data (and refuse to create any); {@link #loadForNewData()} for run and keys-init.
 */
final class SettingsOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "properties file with hub.* settings")
    Path configFile;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "override one setting, e.g. -s hub.http.port=9090")
    Map<String, String> overrides = new LinkedHashMap<>();

    HubSettings load() {
        return ExistingHubData.require(loadForNewData());
    }

    HubSettings loadForNewData() {
        return HubSettings.load(configFile, overrides);
    }
}
