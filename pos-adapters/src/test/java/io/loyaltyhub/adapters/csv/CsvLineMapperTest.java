package io.loyaltyhub.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.adapters.poslog.TestCardReader;
import io.loyaltyhub.adapters.poslog.TestTerminalDirectory;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsvLineMapperTest {

    private static final MerchantId MERCHANT = new MerchantId(7);
    private static final String CARD = "6280001234567895";

    private final TestTerminalDirectory terminals = new TestTerminalDirectory();
    private final TestCardReader cards = new TestCardReader();
    private final CsvLineMapper mapper = new CsvLineMapper(terminals, cards);
    private TerminalIdentity till;

    @BeforeEach
    void registerTill() {
        till = terminals.add(MERCHANT, "S1", "T1");
    }

    @Test
    void mapsASaleLineToTheCanonicalTransaction() {
        CsvLineDecision decision = mapper.decide(MERCHANT, 2, line("S1,T1,R-1,SALE,2025-03-14T10:01:17+01:00," + CARD + ",1235,EUR,"));

        PosTransaction sale = ((CsvLineDecision.Submit) decision).transaction();
        assertThat(decision.txnRef()).isEqualTo("R-1");
        assertThat(sale.merchantId()).isEqualTo(MERCHANT);
        assertThat(sale.terminalId()).isEqualTo(till.terminalId());
        assertThat(sale.storeId()).isEqualTo(till.storeId());
        assertThat(sale.type()).isEqualTo(TransactionType.SALE);
        assertThat(sale.amount()).isEqualTo(Money.of(1235, "EUR"));
        assertThat(sale.occurredAt()).isEqualTo(OffsetDateTime.parse("2025-03-14T10:01:17+01:00"));
        assertThat(sale.card().token().hash()).isEqualTo(TestCardReader.tokenOf(CARD));
        assertThat(sale.channel()).isEqualTo(Channel.CSV_BATCH);
    }

    @Test
    void mapsRefundsAndVoidsWithTheirOriginal() {
        PosTransaction refund = ((CsvLineDecision.Submit) mapper.decide(MERCHANT, 3,
                line("S1,T1,R-2,REFUND,2025-03-14T11:00:00Z," + CARD + ",500,EUR,R-1"))).transaction();
        PosTransaction voided = ((CsvLineDecision.Submit) mapper.decide(MERCHANT, 4,
                line("S1,T1,R-3,VOID,2025-03-14T11:05:00Z," + CARD + ",0,EUR,R-1"))).transaction();

        assertThat(refund.type()).isEqualTo(TransactionType.REFUND);
        assertThat(refund.originalTxnRef().value()).isEqualTo("R-1");
        assertThat(voided.type()).isEqualTo(TransactionType.VOID);
        assertThat(voided.originalTxnRef().value()).isEqualTo("R-1");
    }

    @Test
    void rejectsEachKindOfBadLineWithItsOwnCodeAndNeverQuotesTheCard() {
        List<String[]> cases = List.of(
                new String[] {"S1,T1,R-1,SALE,2025-03-14T10:01:17+01:00," + CARD + ",1235,EUR", "field-count"},
                new String[] {"S1,T1,R 1,SALE,2025-03-14T10:01:17+01:00," + CARD + ",1235,EUR,", "reference-format"},
                new String[] {"S1,T1,R-1,REDEEM,2025-03-14T10:01:17+01:00," + CARD + ",1235,EUR,", "type-unsupported"},
                new String[] {"S1,T1,R-1,SALE,2025-03-14T10:01:17," + CARD + ",1235,EUR,", "time-format"},
                new String[] {"S1,T1,R-1,SALE,2025-03-14T10:01:17Z," + CARD + ",12.35,EUR,", "amount-format"},
                new String[] {"S1,T1,R-1,SALE,2025-03-14T10:01:17Z," + CARD + ",-5,EUR,", "amount-format"},
                new String[] {"S1,T1,R-1,SALE,2025-03-14T10:01:17Z," + CARD + ",0,EUR,", "amount-zero"},
                new String[] {"S1,T1,R-1,SALE,2025-03-14T10:01:17Z," + CARD + ",999999999999,EUR,", "amount-out-of-range"},
                new String[] {"S1,T1,R-1,SALE,2025-03-14T10:01:17Z," + CARD + ",100,EURO,", "currency-unknown"},
                new String[] {"S1,T1,R-1,VOID,2025-03-14T10:01:17Z," + CARD + ",0,EUR,", "original-missing"},
                new String[] {"S1,T1,R-1,REFUND,2025-03-14T10:01:17Z," + CARD + ",100,EUR,R 0", "original-format"},
                new String[] {"S1,T9,R-1,SALE,2025-03-14T10:01:17Z," + CARD + ",100,EUR,", "unknown-terminal"},
                new String[] {"S1,T1,R-1,SALE,2025-03-14T10:01:17Z,6280001234567894,100,EUR,", "card-number-check-digit"},
                new String[] {"S1,T1,R-1,SALE,2025-03-14T10:01:17Z,12345,100,EUR,", "card-number-format"});
        List<String> codes = new ArrayList<>();
        for (String[] c : cases) {
            CsvLineDecision.Reject reject = (CsvLineDecision.Reject) mapper.decide(MERCHANT, 2, line(c[0]));
            codes.add(reject.code());
            assertThat(reject.message()).doesNotContain(CARD).doesNotContain("6280001234567894");
        }
        assertThat(codes).containsExactlyElementsOf(cases.stream().map(c -> c[1]).toList());
    }

    @Test
    void echoesOnlyAValidReferenceFromARejectedLine() {
        CsvLineDecision.Reject reject = (CsvLineDecision.Reject) mapper.decide(MERCHANT, 2,
                line("S1,T1," + CARD + " x,SALE,2025-03-14T10:01:17Z," + CARD + ",100,EUR,"));

        assertThat(reject.txnRef()).isNull();
    }

    @Test
    void looksUpTerminalsOnlyWithinTheInboxMerchant() {
        CsvLineDecision decision = mapper.decide(new MerchantId(8), 2, line("S1,T1,R-1,SALE,2025-03-14T10:01:17Z," + CARD + ",100,EUR,"));

        assertThat(decision).isInstanceOfSatisfying(CsvLineDecision.Reject.class, r -> assertThat(r.code()).isEqualTo("unknown-terminal"));
        assertThat(cards.timesRead()).isZero();
    }

    private static List<String> line(String text) {
        return CsvFields.split(text);
    }
}
