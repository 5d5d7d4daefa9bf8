package io.loyaltyhub.hub.auth;

import io.loyaltyhub.hub.config.HubSettings;
import java.time.Duration;

/**
 * When failed logins lock a credential or an address out, for every login the hub takes (terminals over HTTP and the
 * broker, merchants).
 *
 * @param credentialFailures {@code hub.auth.credential-failures-before-lockout}
 * @param addressFailures {@code hub.auth.address-failures-before-lockout}; 0 = no lockout by address
 * @param maxLockout {@code hub.auth.lockout-max-seconds}: the longest a lockout grows to
 */
public record LoginThrottleSettings(int credentialFailures, int addressFailures, Duration maxLockout) {
    public static LoginThrottleSettings from(HubSettings settings) {
        return new LoginThrottleSettings(settings.positive("hub.auth.credential-failures-before-lockout"),
                settings.notNegative("hub.auth.address-failures-before-lockout"), settings.seconds("hub.auth.lockout-max-seconds"));
    }
}
