package io.loyaltyhub.hub.http;

import io.loyaltyhub.domain.crypto.RequestSigning;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.terminal.UsedRequestNonces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The check of a signed terminal request, after HTTP Basic has said which terminal it is. A terminal with a
 * signing key must sign; with {@code hub.http.signing-required=true} every terminal must. Each refusal is a
 * 401 with its own stable code. Nonces are remembered per terminal for the allowed age plus the allowed clock
 * skew, in the database every node shares ({@link UsedRequestNonces}), so a request replayed to another hub node
 * is refused there too ({@code signature-replayed}). A nonce is recorded only once the signature is verified, so
 * nobody without the terminal's key can fill the store.
 */
public final class RequestSignatureCheck {
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");

    private final TerminalSigningKeys keys;
    private final boolean requiredForAll;
    private final Duration maxAge;
    private final Clock clock;
    private final UsedRequestNonces usedNonces;

    public RequestSignatureCheck(TerminalSigningKeys keys, UsedRequestNonces usedNonces, boolean requiredForAll,
                                 Duration maxAge, Clock clock) {
        this.keys = keys;
        this.usedNonces = usedNonces;
        this.requiredForAll = requiredForAll;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** @throws HttpProblem 401 when the request is not signed as this terminal must sign it */
    public void check(TerminalIdentity terminal, String method, String path, Function<String, String> header, byte[] body) {
        Optional<byte[]> secret = keys.secretOf(terminal.merchantId(), terminal.terminalId());
        String signature = header.apply(RequestSigning.SIGNATURE);
        if (secret.isEmpty()) {
            if (requiredForAll) {
                throw new HttpProblem(401, "signing-key-missing", "this hub requires signed requests and the terminal has no signing key");
            }
            return; // an unsigned terminal; a signature it sends anyway cannot be checked and is ignored
        }
        String timestamp = header.apply(RequestSigning.TIMESTAMP);
        String nonce = header.apply(RequestSigning.NONCE);
        String digest = header.apply(RequestSigning.CONTENT_DIGEST);
        if (signature == null || timestamp == null || nonce == null || digest == null) {
            throw new HttpProblem(401, "signature-missing", "this terminal must sign its requests: send "
                    + RequestSigning.TIMESTAMP + ", " + RequestSigning.NONCE + ", " + RequestSigning.CONTENT_DIGEST + " and "
                    + RequestSigning.SIGNATURE);
        }
        if (!TIMESTAMP.matcher(timestamp).matches() || !NONCE.matcher(nonce).matches()) {
            throw new HttpProblem(401, "signature-malformed", RequestSigning.TIMESTAMP + " is Unix seconds and "
                    + RequestSigning.NONCE + " 16-64 characters of A-Z a-z 0-9 _ -");
        }
        Instant now = clock.instant();
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (signedAt.isBefore(now.minus(maxAge)) || signedAt.isAfter(now.plus(maxAge))) {
            throw new HttpProblem(401, "signature-expired", "the request was signed more than " + maxAge.toSeconds()
                    + " seconds from the hub's time; check the terminal's clock");
        }
        if (!digest.equals(RequestSigning.contentDigest(body))) {
            throw new HttpProblem(401, "digest-mismatch", RequestSigning.CONTENT_DIGEST + " does not match the body");
        }
        if (!RequestSigning.verify(secret.get(), RequestSigning.canonical(method, path, timestamp, nonce, digest), signature)) {
            throw new HttpProblem(401, "signature-invalid", "the signature does not match this terminal's signing key");
        }
        remember(terminal, nonce, now);
    }

    private void remember(TerminalIdentity terminal, String nonce, Instant now) {
        Instant keepUntil = now.plus(maxAge).plus(maxAge); // older than maxAge is refused anyway; skew either way
        if (!usedNonces.useOnce(terminal.merchantId(), terminal.terminalId(), nonce, now, keepUntil)) {
            throw new HttpProblem(401, "signature-replayed", "this nonce was already used; sign every request afresh");
        }
    }
}
