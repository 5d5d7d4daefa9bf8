package io.loyaltyhub.hub.bench;

import java.util.concurrent.CompletableFuture;

/** One online channel's client side, as the load generator sees it: send the n-th sale, learn whether it was approved. */
interface SwipeClient extends AutoCloseable {
    CompletableFuture<Boolean> sale(long n);

    @Override
    void close();
}
