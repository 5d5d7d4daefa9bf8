package io.loyaltyhub.hub.portal;

import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.ResponseBodies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * GET /portal/assets/{file}: the portal's scripts and styles, and Chart.js from its WebJar (packaged in the hub's jar
 * by the Maven build). Only the files named here are served; anything else is 404.
 */
final class PortalAssets extends PortalStep {
    /** The Chart.js WebJar's version (routes/pom.xml). */
    static final String CHART_JS = "META-INF/resources/webjars/chartjs/4.4.3/dist/chart.umd.js";
    private static final Map<String, String[]> FILES = Map.of(
            "portal.css", new String[] {"portal/assets/portal.css", "text/css; charset=utf-8"},
            "dashboard.js", new String[] {"portal/assets/dashboard.js", "text/javascript; charset=utf-8"},
            "chart.umd.js", new String[] {CHART_JS, "text/javascript; charset=utf-8"});

    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    @Override
    void handle(Exchange exchange) {
        Message in = exchange.getMessage();
        String path = in.getHeader(Exchange.HTTP_PATH, String.class);
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        String[] file = FILES.get(name);
        if (file == null) {
            throw new HttpProblem(404, "not-found", "no portal file " + name);
        }
        byte[] bytes = loaded.computeIfAbsent(name, n -> read(file[0]));
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        in.setHeader(Exchange.CONTENT_TYPE, file[1]);
        in.setHeader("Cache-Control", "no-cache");
        in.setBody(ResponseBodies.whole(bytes));
    }

    @Override
    boolean cacheable() {
        return true;
    }

    private static byte[] read(String resource) {
        try (InputStream in = PortalAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the hub's jar lacks " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
