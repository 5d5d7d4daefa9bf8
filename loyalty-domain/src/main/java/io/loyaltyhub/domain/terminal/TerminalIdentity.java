package io.loyaltyhub.domain.terminal;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;

/** Who is talking, as established at the edge from a credential: the merchant comes from here, never from a body. */
public record TerminalIdentity(MerchantId merchantId, String merchantCode, StoreId storeId, String storeCode,
                               TerminalId terminalId, String terminalCode) {
}
