package io.loyaltyhub.hub.iso8583;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.adapters.iso8583.Iso8583Codec;
import io.loyaltyhub.adapters.iso8583.Iso8583Message;
import io.loyaltyhub.adapters.iso8583.MacKey;
import io.loyaltyhub.adapters.iso8583.MessageAuthentication;
import io.loyaltyhub.adapters.iso8583.TerminalRequests;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.terminal.TerminalDirectory;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The authentication step alone: a directory of one terminal, one key, and messages signed or not. */
class TerminalAuthenticationTest {

    private static final TerminalIdentity TILL = new TerminalIdentity(new MerchantId(3), "books", new StoreId(30), "B01",
            new TerminalId(300), "T1");
    private static final MacKey KEY = MacKey.ofHex("0123456789ABCDEFFEDCBA9876543210");
    private static final String CARD = "6280000000001238";

    private final Iso8583Codec codec = new Iso8583Codec();
    private final MessageAuthentication mac = new MessageAuthentication(codec);
    private final TerminalRequests till = new TerminalRequests("T1", "books", "978", Clock.systemUTC(), 1);

    @Test
    void aKnownTerminalWithoutAKeyIsTrustedWhenTheListenerAllowsIt() {
        TerminalAuthentication.Result result = authentication(TerminalMacKeys.NONE, false).authenticate(
                till.sale(CARD, 100), codec.encode(till.sale(CARD, 100)));

        assertThat(result).isEqualTo(new TerminalAuthentication.Authenticated(TILL, Optional.empty()));
    }

    @Test
    void aTerminalWithoutAKeyIsRefusedWhereAMacIsRequired() {
        assertThat(codeFor(authentication(TerminalMacKeys.NONE, true), till.sale(CARD, 100))).isEqualTo("58");
    }

    @Test
    void anUnknownTerminalOrMerchantIsRefused58() {
        TerminalAuthentication step = authentication(TerminalMacKeys.NONE, false);

        assertThat(codeFor(step, till.sale(CARD, 100).with(41, "T2"))).isEqualTo("58");
        assertThat(codeFor(step, till.sale(CARD, 100).with(42, "pharma"))).isEqualTo("58");
    }

    @Test
    void missingTerminalFieldsAreAFormatError() {
        assertThat(codeFor(authentication(TerminalMacKeys.NONE, false), till.sale(CARD, 100).without(42))).isEqualTo("30");
    }

    @Test
    void aKeyedTerminalMustSignWithItsOwnKey() {
        TerminalAuthentication step = authentication(terminal -> Optional.of(KEY), false);
        Iso8583Message sale = till.sale(CARD, 100);

        assertThat(codeFor(step, sale)).as("unsigned").isEqualTo("58");
        assertThat(codeFor(step, mac.sign(sale, MacKey.ofHex("00112233445566778899AABBCCDDEEFF")))).as("other key").isEqualTo("58");
        Iso8583Message signed = mac.sign(sale, KEY);
        assertThat(step.authenticate(signed, codec.encode(signed)))
                .isEqualTo(new TerminalAuthentication.Authenticated(TILL, Optional.of(KEY)));
    }

    private String codeFor(TerminalAuthentication step, Iso8583Message request) {
        TerminalAuthentication.Result result = step.authenticate(request, codec.encode(request));
        assertThat(result).isInstanceOf(TerminalAuthentication.Refused.class);
        return ((TerminalAuthentication.Refused) result).responseCode();
    }

    private TerminalAuthentication authentication(TerminalMacKeys keys, boolean macRequired) {
        return new TerminalAuthentication(new OneTerminal(), keys, mac, macRequired);
    }

    /** Knows only merchant "books", terminal "T1". */
    private static final class OneTerminal implements TerminalDirectory {
        @Override
        public Optional<TerminalIdentity> authenticate(String credentialId, String secret) {
            return Optional.empty();
        }

        @Override
        public Optional<TerminalIdentity> findTerminal(MerchantId merchant, String storeCode, String terminalCode) {
            return Optional.empty();
        }

        @Override
        public Optional<TerminalIdentity> findTerminalAcrossMerchants(String merchantCode, String terminalCode) {
            return "books".equals(merchantCode) && "T1".equals(terminalCode) ? Optional.of(TILL) : Optional.empty();
        }
    }
}
