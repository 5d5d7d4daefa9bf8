package io.loyaltyhub.hub.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The chaos tills resend exactly what docs/http-json.md and docs/broker-terminals.md say to resend, and nothing else. */
class JsonAnswersTest {

    @Test
    void anApprovalSettlesTheTransactionWithItsPointsBalanceAndDuplicateFlag() {
        Attempt attempt = JsonAnswers.http(200, "{\"status\":\"approved\",\"code\":\"approved\",\"txnRef\":\"H1-1\",\"type\":\"SALE\","
                + "\"card\":\"****1238\",\"points\":123,\"balance\":456,\"duplicate\":true}", null, 7);

        assertThat(attempt).isEqualTo(Attempt.answered(new Answer(AnswerKind.APPROVED, "approved", 123L, 456L, true, 7)));
    }

    @Test
    void a202IsAnAcknowledgmentThatIsNotSentAgain() {
        Attempt attempt = JsonAnswers.http(202, "{\"status\":\"pending\",\"code\":\"accepted-pending\"}", null, 7);

        assertThat(attempt).isInstanceOf(Attempt.Answered.class);
        assertThat(((Attempt.Answered) attempt).answer().kind()).isEqualTo(AnswerKind.PENDING);
    }

    @Test
    void a503IsSentAgainAfterWhatRetryAfterAsksAndCountsAsNotStored() {
        Attempt attempt = JsonAnswers.http(503, "{\"code\":\"not-accepted\"}", "3", 7);

        assertThat(attempt).isEqualTo(new Attempt.Retry("http-503-not-accepted", true, Duration.ofSeconds(3)));
        assertThat(new ResendBackoff().after((Attempt.Retry) attempt)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void anInternalErrorIsSentAgainButDoesNotClaimNothingWasStored() {
        Attempt attempt = JsonAnswers.http(500, "{\"code\":\"internal-error\"}", null, 7);

        assertThat(attempt).isEqualTo(new Attempt.Retry("http-500-internal-error", false, null));
    }

    @Test
    void aRefusedBodyIsFinalAndRejected() {
        Attempt attempt = JsonAnswers.http(422, "{\"code\":\"invalid-amount\"}", null, 7);

        assertThat(((Attempt.Answered) attempt).answer().kind()).isEqualTo(AnswerKind.REJECTED);
    }

    @Test
    void aBrokerNotAcceptedRejectionIsSentAgainAndAnyOtherRejectionIsFinal() {
        assertThat(JsonAnswers.brokerReply(JsonAnswers.parse("{\"status\":\"rejected\",\"code\":\"not-accepted\"}"), 7))
                .isEqualTo(new Attempt.Retry("broker-not-accepted", true, null));
        assertThat(JsonAnswers.brokerReply(JsonAnswers.parse("{\"status\":\"rejected\",\"code\":\"card-number-check-digit\"}"), 7))
                .isEqualTo(Attempt.answered(new Answer(AnswerKind.REJECTED, "card-number-check-digit", null, null, null, 7)));
    }

    @Test
    void theTillWaitsLongerAfterEachFailureUpToTwoSeconds() {
        ResendBackoff backoff = new ResendBackoff();
        Attempt.Retry timeout = new Attempt.Retry("timeout", false, null);

        assertThat(backoff.after(timeout)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(timeout)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.after(timeout)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.after(timeout)).isEqualTo(Duration.ofMillis(1600));
        assertThat(backoff.after(timeout)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(timeout)).isEqualTo(Duration.ofSeconds(2));
    }
}
