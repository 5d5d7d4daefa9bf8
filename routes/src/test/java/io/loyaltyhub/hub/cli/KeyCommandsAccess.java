package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.card.CardRekeyJob;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.keys.HubKeyStore;
import java.util.function.Consumer;

/** Lets tests in other packages run what {@code keys-rekey-cards} runs. */
public final class KeyCommandsAccess {
    private KeyCommandsAccess() {
    }

    public static CardRekeyJob.Result rekey(HubSettings settings, HubKeyStore keys, Consumer<String> progress) {
        return KeyCommands.rekey(settings, keys, progress);
    }
}
