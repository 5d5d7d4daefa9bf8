package io.loyaltyhub.domain.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.crypto.CardTokenizer;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgrammeCardReaderTest {
    private static final CardProgramme LUHN16 = new CardProgramme(1, "coalition", "628000", 16, CheckDigitRule.LUHN);
    private static final CardProgramme NCR25 = new CardProgramme(2, "ncr", "4", 25, CheckDigitRule.NONE);
    private final CardReader reader = new ProgrammeCardReader(
            () -> new CardCatalog(List.of(LUHN16, NCR25), List.of(new CardRange(10, 1, "6280000000000000", "6280000099999999"))),
            new CardTokenizer(key(), 1));

    private static byte[] key() {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) 1);
        return k;
    }

    @Test
    void aValidNumberBecomesATokenAndLastFourAndItsRange() {
        PresentedCard card = reader.read("6280000000001238");

        assertThat(card.token().hash()).hasSize(64).doesNotContain("6280000000001238");
        assertThat(card.token().last4()).isEqualTo("1238");
        assertThat(card.issuedRangeId()).isEqualTo(10L);
        assertThat(card.toString()).doesNotContain("628000000000");
    }

    @Test
    void theSameNumberAlwaysGivesTheSameTokenAndAnotherKeyAnother() {
        String token = reader.read("6280000000001238").token().hash();
        byte[] other = key();
        other[0] = 2;
        String otherToken = new ProgrammeCardReader(() -> new CardCatalog(List.of(LUHN16), List.of()),
                new CardTokenizer(other, 2)).read("6280000000001238").token().hash();

        assertThat(reader.read("6280000000001238").token().hash()).isEqualTo(token);
        assertThat(otherToken).isNotEqualTo(token);
    }

    @Test
    void aWrongCheckDigitIsRejectedWithoutTheNumberInTheMessage() {
        assertThatThrownBy(() -> reader.read("6280000000001239"))
                .isInstanceOf(InvalidCardNumberException.class)
                .hasMessageNotContaining("6280000000001239")
                .extracting(e -> ((InvalidCardNumberException) e).reason())
                .isEqualTo(InvalidCardNumberException.Reason.CHECK_DIGIT);
    }

    @Test
    void aNumberOfNoProgrammeIsAFormatError() {
        assertThatThrownBy(() -> reader.read("12345")).extracting(e -> ((InvalidCardNumberException) e).reason())
                .isEqualTo(InvalidCardNumberException.Reason.FORMAT);
        assertThatThrownBy(() -> reader.read("62800000000012a6")).isInstanceOf(InvalidCardNumberException.class);
    }

    @Test
    void aProgrammeWithoutCheckDigitAcceptsAnyNumberOfItsShapeButOutsideRangesHasNoRange() {
        PresentedCard ncr = reader.read("4000000000000000000012345");
        assertThat(ncr.token().last4()).isEqualTo("2345");
        assertThat(ncr.issuedRangeId()).isNull();
    }
}
