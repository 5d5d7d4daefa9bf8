package io.loyaltyhub.adapters.poslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PosLogResultWriterTest {

    @Test
    void listsEveryTransactionsOutcomeInDocumentOrderWithCounts() throws Exception {
        List<PosLogTransaction> transactions = new PosLogReader(PosLogLimits.DEFAULT).read(PosLogFixtures.open("arts6-store-day.xml"));
        List<PosLogTransactionResult> results = List.of(
                PosLogTransactionResult.answered(transactions.get(0), new TransactionOutcome(ResultCode.APPROVED, 12, 340, "7895", false)),
                PosLogTransactionResult.notSubmitted(new PosLogDecision.Skip(transactions.get(1), "control-transaction")),
                PosLogTransactionResult.notSubmitted(new PosLogDecision.Skip(transactions.get(2), "cancelled-transaction")),
                PosLogTransactionResult.pending(transactions.get(3)),
                PosLogTransactionResult.notSubmitted(new PosLogDecision.Reject(transactions.get(4), "unknown-terminal", "no such till")));

        Element root = write(results);

        assertThat(root.getNamespaceURI()).isEqualTo(PosLogResultWriter.NAMESPACE);
        assertThat(root.getAttribute("transactions")).isEqualTo("5");
        assertThat(root.getAttribute("approved")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("2");
        assertThat(root.getAttribute("pending")).isEqualTo("1");
        assertThat(root.getAttribute("rejected")).isEqualTo("1");
        assertThat(root.getAttribute("declined")).isEqualTo("0");
        NodeList rows = root.getElementsByTagNameNS(PosLogResultWriter.NAMESPACE, "Transaction");
        assertThat(rows.getLength()).isEqualTo(5);
        Element approved = (Element) rows.item(0);
        assertThat(approved.getAttribute("position")).isEqualTo("1");
        assertThat(approved.getAttribute("store")).isEqualTo("S001");
        assertThat(approved.getAttribute("workstation")).isEqualTo("T01");
        assertThat(approved.getAttribute("reference")).isEqualTo("S001-T01-1001");
        assertThat(approved.getAttribute("status")).isEqualTo("approved");
        assertThat(approved.getAttribute("points")).isEqualTo("12");
        assertThat(approved.getAttribute("balance")).isEqualTo("340");
        assertThat(approved.getAttribute("last4")).isEqualTo("7895");
        assertThat(((Element) rows.item(3)).getAttribute("code")).isEqualTo("accepted-pending");
        assertThat(((Element) rows.item(3)).hasAttribute("points")).isFalse();
        assertThat(((Element) rows.item(4)).getAttribute("message")).isEqualTo("no such till");
    }

    @Test
    void refusesToInventAResultForASubmittedTransaction() {
        PosLogTransaction sale = new PosLogReader(PosLogLimits.DEFAULT).read(PosLogFixtures.open("ncr-acs-small.xml")).get(1);

        assertThatThrownBy(() -> PosLogTransactionResult.notSubmitted(new PosLogDecision.Submit(sale, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Element write(List<PosLogTransactionResult> results) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PosLogResultWriter().write(results, out);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray())).getDocumentElement();
    }
}
