package io.loyaltyhub.hub.poslog;

import io.loyaltyhub.adapters.poslog.PosLogClient;
import io.loyaltyhub.adapters.poslog.PosLogDocumentException;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.HttpProblems;
import io.loyaltyhub.hub.http.MediaTypes;
import io.loyaltyhub.hub.http.RequestBodies;
import io.loyaltyhub.hub.http.RequestSignatureCheck;
import io.loyaltyhub.hub.http.TerminalAuthenticator;
import io.loyaltyhub.hub.http.TerminalRequest;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** POST /pos/v1/poslog: an ARTS POSLog document of one or more transactions, answered with a result per transaction. */
final class PosLogHttpRoutes extends EndpointRouteBuilder {

    static final String ROUTE_ID = "poslog-http";

    private final TerminalAuthenticator authenticator;
    private final RequestSignatureCheck signatures;
    private final RequestBodies bodies;
    private final PosLogDocuments documents;

    PosLogHttpRoutes(TerminalAuthenticator authenticator, RequestSignatureCheck signatures, long maxDocumentBytes,
                     PosLogDocuments documents) {
        this.authenticator = authenticator;
        this.signatures = signatures;
        this.bodies = new RequestBodies(maxDocumentBytes, PosLogDocumentException.Reason.TOO_LARGE.code(), "the document");
        this.documents = documents;
    }

    @Override
    public void configure() {
        // No body handler: the terminal is authenticated from the headers first, then the document is read.
        from(platformHttp(PosLogClient.PATH).httpMethodRestrict("POST").advanced().useBodyHandler(false))
                .routeId(ROUTE_ID)
                .routeConfigurationId(HttpProblems.ID)
                .process(TerminalRequest.authenticateTerminal(authenticator))
                .process(TerminalRequest.readBody(bodies, MediaTypes.XML, "send the POSLog document as application/xml",
                        () -> new HttpProblem(400, "malformed-xml", "the request has no POSLog document")))
                .process(TerminalRequest.checkSignature(signatures, "POST", PosLogClient.PATH))
                .process(documents::submitDocument)
                .process(documents.awaitResults())
                .process(documents::answerResults);
    }
}
