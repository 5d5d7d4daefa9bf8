package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.model.MerchantId;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a report's bytes go after formatting and before compression and the network: the seam for encrypting
 * downloads to the merchant's OpenPGP key (docs/reports.md, "Encryption"). The default passes bytes through.
 * Closing the returned stream must finish the wrapping (e.g. write the OpenPGP trailer) and close {@code raw}.
 */
public interface ReportSink {
    OutputStream open(MerchantId merchant, OutputStream raw) throws IOException;

    /** No encryption: the formatted report as is. */
    static ReportSink passThrough() {
        return (merchant, raw) -> raw;
    }
}
