package io.loyaltyhub.hub.portal;

import io.loyaltyhub.hub.http.HttpProblems;
import org.apache.camel.Processor;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;

/** The operator console's routes under /portal/operator (docs/portal.md), each page behind its session check. */
final class OperatorConsoleRoutes extends EndpointRouteBuilder {
    /** What each route runs. */
    record ConsoleSteps(Processor signIn, Processor signOut, Processor overview, Processor merchant, Processor cards,
                        Processor merchants, Processor earnRules, Processor programme) {
    }

    private final ConsoleSteps steps;

    OperatorConsoleRoutes(ConsoleSteps steps) {
        this.steps = steps;
    }

    @Override
    public void configure() {
        route(OperatorSignIn.PATH, "GET,POST", "portal-operator-sign-in", steps.signIn());
        route(OperatorSignIn.SIGN_OUT, "POST", "portal-operator-sign-out", steps.signOut());
        route("/portal/operator", "GET", "portal-operator-overview-bare", steps.overview());
        route(OperatorConsolePages.HOME, "GET", "portal-operator-overview", steps.overview());
        route(OperatorConsolePages.MERCHANTS + "{code}", "GET,POST", "portal-operator-merchant", steps.merchant());
        route(OperatorConsolePages.CARDS, "GET,POST", "portal-operator-cards", steps.cards());
        route(OperatorMerchantsPage.PATH, "GET,POST", "portal-operator-merchants", steps.merchants());
        route(OperatorConsolePages.MERCHANTS + "{code}" + OperatorEarnRulesPage.SUFFIX, "GET,POST",
                "portal-operator-earn-rules", steps.earnRules());
        route(OperatorProgrammePage.PATH, "GET,POST", "portal-operator-programme", steps.programme());
    }

    private void route(String path, String methods, String id, Processor step) {
        from(platformHttp(path).httpMethodRestrict(methods).advanced().useBodyHandler(false))
                .routeId(id)
                .routeConfigurationId(HttpProblems.ID)
                .process(step);
    }
}
