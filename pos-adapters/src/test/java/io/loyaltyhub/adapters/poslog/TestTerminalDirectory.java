package io.loyaltyhub.adapters.poslog;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.terminal.TerminalDirectory;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An in-memory terminal register for codec tests; the hub's own directory is tested with a database. */
public final class TestTerminalDirectory implements TerminalDirectory {

    private final List<TerminalIdentity> terminals = new ArrayList<>();
    private long nextId = 100;

    public TerminalIdentity add(MerchantId merchant, String storeCode, String terminalCode) {
        long id = nextId++;
        TerminalIdentity terminal = new TerminalIdentity(merchant, "M" + merchant.value(), new StoreId(id), storeCode,
                new TerminalId(id), terminalCode);
        terminals.add(terminal);
        return terminal;
    }

    @Override
    public Optional<TerminalIdentity> authenticate(String credentialId, String secret) {
        return Optional.empty();
    }

    @Override
    public Optional<TerminalIdentity> findTerminal(MerchantId merchant, String storeCode, String terminalCode) {
        return terminals.stream()
                .filter(t -> t.merchantId().equals(merchant) && t.storeCode().equals(storeCode) && t.terminalCode().equals(terminalCode))
                .findFirst();
    }

    @Override
    public Optional<TerminalIdentity> findTerminalAcrossMerchants(String merchantCode, String terminalCode) {
        return terminals.stream()
                .filter(t -> t.merchantCode().equals(merchantCode) && t.terminalCode().equals(terminalCode))
                .findFirst();
    }
}
