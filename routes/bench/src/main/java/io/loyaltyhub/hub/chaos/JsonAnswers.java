package io.loyaltyhub.hub.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;

/**
 * The JSON dialect's answers (HTTP bodies and broker replies alike, docs/http-json.md and
 * docs/broker-terminals.md) read as the suite's {@link Answer}s.
 */
final class JsonAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonAnswers() {
    }

    static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** An engine answer or a pending one, from its body; null when the body is neither. */
    static Answer outcome(JsonNode body, long at) {
        String status = body.path("status").asText("");
        return switch (status) {
            case "approved", "declined" -> new Answer(status.equals("approved") ? AnswerKind.APPROVED : AnswerKind.DECLINED,
                    body.path("code").asText(""), body.path("points").asLong(),
                    body.hasNonNull("balance") ? body.get("balance").asLong() : null,
                    body.path("duplicate").asBoolean(false), at);
            case "pending" -> new Answer(AnswerKind.PENDING, body.path("code").asText("accepted-pending"), null, null, null, at);
            default -> null;
        };
    }

    /** An HTTP answer: 200 and 202 settle the transaction; 5xx, 429 and anything unreadable ask for it again; other 4xx refuse it. */
    static Attempt http(int status, String body, String retryAfter, long at) {
        JsonNode node = parse(body);
        if (status == 200 || status == 202) {
            Answer answer = outcome(node, at);
            return answer != null ? Attempt.answered(answer) : Attempt.retry("http-" + status + "-unreadable");
        }
        String code = node.path("code").asText("");
        if (status == 503) {
            return new Attempt.Retry("http-503-" + code, saysNotStored(code), retryAfter(retryAfter));
        }
        if (status >= 500 || status == 429 || status == 408) {
            return new Attempt.Retry("http-" + status + "-" + code, false, retryAfter(retryAfter));
        }
        return Attempt.answered(new Answer(AnswerKind.REJECTED, status + " " + code, null, null, null, at));
    }

    /**
     * Whether a "send it again" code says the transaction was certainly not stored (docs/reliability.md): every one but
     * {@code not-confirmed}, which says it may be stored (and so must be neither lost nor doubled when sent again).
     */
    static boolean saysNotStored(String code) {
        return !"not-confirmed".equals(code);
    }

    /** The codes of a broker reply or CSV line that ask for the transaction again. */
    static boolean asksAgain(String code) {
        return switch (code) {
            case "not-accepted", "not-confirmed", "overloaded", "shutting-down" -> true;
            default -> false;
        };
    }

    /** A broker reply: like HTTP, with "rejected" + a not-stored code or "internal-error" asking for the transaction again. */
    static Attempt brokerReply(JsonNode reply, long at) {
        Answer answer = outcome(reply, at);
        if (answer != null) {
            return Attempt.answered(answer);
        }
        String code = reply.path("code").asText("");
        if (asksAgain(code)) {
            return new Attempt.Retry("broker-" + code, saysNotStored(code), null);
        }
        return switch (code) {
            case "internal-error", "" -> Attempt.retry("broker-" + (code.isEmpty() ? "unreadable" : code));
            default -> Attempt.answered(new Answer(AnswerKind.REJECTED, code, null, null, null, at));
        };
    }

    private static Duration retryAfter(String header) {
        if (header == null || !header.trim().matches("[0-9]{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.trim()));
    }
}
