package io.loyaltyhub.domain.report;

import io.loyaltyhub.domain.model.MerchantId;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Where a report's bytes go after formatting and before compression and the network: the seam for encrypting
 * downloads to the merchant's OpenPGP key (docs/reports.md, "Encryption"). The default passes bytes through.
 * <p>
 * The sink decides once per download, when it is prepared, how the merchant's report leaves ({@link Delivery}):
 * the HTTP response must name an encrypted file as such before its first byte, and the decision must not change
 * between the headers and the body.
 */
public interface ReportSink {
    /** @throws DeliveryUnavailable when the merchant's reports must be wrapped but cannot be (e.g. an unusable key) */
    Delivery deliveryFor(MerchantId merchant);

    /** The merchant's reports cannot be delivered as required (never a reason to send them unwrapped). */
    final class DeliveryUnavailable extends RuntimeException {
        public DeliveryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** No encryption: the formatted report as is. */
    static ReportSink passThrough() {
        return merchant -> Delivery.PLAIN;
    }

    /** Wraps a download's bytes. Closing the returned stream must finish the wrapping (e.g. write the OpenPGP trailer) and close {@code raw}. */
    @FunctionalInterface
    interface Wrapper {
        OutputStream open(String fileName, OutputStream raw) throws IOException;
    }

    /**
     * How one download leaves: as formatted ({@link #PLAIN}), or wrapped into a file of its own kind, named with
     * {@code fileSuffix} and sent as {@code mediaType}. A wrapped file is not compressed again on the way out: the
     * wrapper compresses itself if it wants to (compressing after encryption gains nothing).
     */
    record Delivery(String fileSuffix, String mediaType, Wrapper wrapper) {
        public static final Delivery PLAIN = new Delivery("", null, (fileName, raw) -> raw);

        public Delivery {
            Objects.requireNonNull(fileSuffix, "fileSuffix");
            Objects.requireNonNull(wrapper, "wrapper");
            if (fileSuffix.isEmpty() != (mediaType == null)) {
                throw new IllegalArgumentException("a wrapped download needs both a file suffix and a media type");
            }
        }

        public boolean wrapped() {
            return mediaType != null;
        }
    }
}
