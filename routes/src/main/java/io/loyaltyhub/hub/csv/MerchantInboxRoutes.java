package io.loyaltyhub.hub.csv;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/**
 * One route per file channel: files from the configured source (a local inbox folder, or SFTP in production),
 * processed by the channel's handler, the result file written to the configured result endpoint. Where the
 * source file goes afterwards (done/ or error/) is up to the source URI's move options.
 */
public final class MerchantInboxRoutes extends EndpointRouteBuilder {

    private final String routeId;
    private final String sourceUri;
    private final String resultUri;
    private final MerchantInboxProcessor inbox;
    private final String claimsBean;
    private final InboxClaims claims;

    /**
     * @param claims the read lock across nodes, bound in the registry as {@code claimsBean} (which the source URI
     *     names) and started and stopped with the Camel context
     */
    public MerchantInboxRoutes(String routeId, String sourceUri, String resultUri, MerchantInboxProcessor inbox,
                               String claimsBean, InboxClaims claims) {
        this.routeId = routeId;
        this.claimsBean = claimsBean;
        this.claims = claims;
        this.sourceUri = sourceUri;
        this.resultUri = resultUri;
        this.inbox = inbox;
    }

    @Override
    public void configure() throws Exception {
        getContext().getRegistry().bind(claimsBean, claims);
        getContext().addService(claims, true, true);
        // No handled(true) here: a file that fails (broker down, disk full) must fail its exchange, so the
        // consumer moves it to error/ and an operator sees it; lines it already submitted are durable and
        // are answered as duplicates when the file is dropped again.
        from(sourceUri)
                .routeId(routeId)
                .process(inbox::receive)
                .to(resultUri)
                .process(inbox::finish);
    }
}
