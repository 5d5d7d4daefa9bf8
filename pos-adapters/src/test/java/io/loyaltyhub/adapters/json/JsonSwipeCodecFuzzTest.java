package io.loyaltyhub.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loyaltyhub.adapters.InputRejected;
import io.loyaltyhub.adapters.fuzz.CodedRefusal;
import io.loyaltyhub.adapters.poslog.TestCardReader;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The HTTP JSON body decoder (also the body of broker terminals' messages) under the fuzzer: whatever the bytes,
 * the answer is a transaction of the authenticated terminal or an {@link InputRejected} with a code. Kept inputs:
 * src/test/resources/io/loyaltyhub/adapters/json/JsonSwipeCodecFuzzTestInputs/.
 */
class JsonSwipeCodecFuzzTest {

    private static final TerminalIdentity TILL = new TerminalIdentity(new MerchantId(7), "M7", new StoreId(70), "S1",
            new TerminalId(700), "T1");
    private static final JsonSwipeCodec CODEC = new JsonSwipeCodec(new TestCardReader(),
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    @FuzzTest
    @DictionaryEntries({"\"txnRef\"", "\"type\"", "\"cardNumber\"", "\"track1\"", "\"track2\"", "\"amount\"", "\"currency\"",
            "\"occurredAt\"", "\"originalTxnRef\"", "\"redeemPoints\"", "\"lineItems\"", "\"sku\"", "\"category\"",
            "\"quantity\"", "SALE", "REFUND", "VOID", "REVERSAL", "REDEEM", "BALANCE_INQUIRY", "\"EUR\"", "6280001234567895",
            "2026-11-23T10:15:30+01:00", "null", "true"})
    void anyRequestBodyIsATransactionOfTheTerminalOrACodedRefusal(byte[] body) {
        try {
            PosTransaction transaction = CODEC.decode(body, TILL);
            assertThat(transaction.merchantId()).isEqualTo(TILL.merchantId());
            assertThat(transaction.terminalId()).isEqualTo(TILL.terminalId());
            assertThat(transaction.channel()).isEqualTo(Channel.HTTP_JSON);
            // whatever was accepted can be answered
            assertThat(CODEC.encodePending(transaction)).isNotEmpty();
        } catch (InputRejected refusal) {
            CodedRefusal.assertCoded(refusal.code(), refusal.getMessage(), body);
        }
    }
}
