package io.loyaltyhub.hub.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.report.MerchantReports;
import io.loyaltyhub.domain.report.ReportPeriod;
import io.loyaltyhub.domain.report.ReportRejected;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's chart data, made from the merchant reports themselves (the same SQL, parameters, checks and audit as
 * a download by the API), so a chart cannot show what the merchant's own download would not. Each chart is one JSON
 * object of equally long arrays.
 */
final class DashboardCharts {
    /** At most this many points on the lapsed-over-time line (one report per point). */
    private static final int LAPSED_POINTS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MerchantReports reports;

    DashboardCharts(MerchantReports reports) {
        this.reports = reports;
    }

    /**
     * @param query the request's parameters, passed to the report as they are (so an unknown one, another merchant's
     *     store or a bad period is refused exactly as by /merchant/v1)
     * @throws ReportRejected as a download would be
     */
    ObjectNode chart(MerchantPrincipal who, String name, Map<String, String> query) {
        Map<String, String> params = new HashMap<>(query);
        params.remove("lang");
        return switch (name) {
            case "sales" -> sales(who, params);
            case "points" -> points(who, params);
            case "segments" -> segments(who, params);
            case "lapsed" -> lapsed(who, params);
            default -> throw new ReportRejected(ReportRejected.Kind.NOT_FOUND, "unknown-chart",
                    "no chart named '" + name + "'; charts: sales, points, segments, lapsed");
        };
    }

    /** Sales (net spend, visits) and points per UTC day, all stores together (or one with {@code store}). */
    private ObjectNode sales(MerchantPrincipal who, Map<String, String> params) {
        TreeMap<String, long[]> days = new TreeMap<>();
        for (JsonNode row : rows(who, "daily", params)) {
            long[] d = days.computeIfAbsent(row.get("day").asText(), k -> new long[3]);
            d[0] += row.get("spend").asLong();
            d[1] += row.get("sales").asLong();
            d[2] += row.get("points").asLong();
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode day = out.putArray("days");
        ArrayNode spend = out.putArray("spend");
        ArrayNode visits = out.putArray("visits");
        ArrayNode points = out.putArray("points");
        days.forEach((k, v) -> {
            day.add(k);
            spend.add(v[0]);
            visits.add(v[1]);
            points.add(v[2]);
        });
        return out;
    }

    /** Points issued against redeemed (and reversed) per UTC day. */
    private ObjectNode points(MerchantPrincipal who, Map<String, String> params) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode day = out.putArray("days");
        ArrayNode issued = out.putArray("issued");
        ArrayNode redeemed = out.putArray("redeemed");
        ArrayNode reversed = out.putArray("reversed");
        for (JsonNode row : rows(who, "points", params)) {
            day.add(row.get("day").asText());
            issued.add(row.get("issued").asLong());
            redeemed.add(row.get("redeemed").asLong());
            reversed.add(row.get("reversed").asLong());
        }
        return out;
    }

    /** Customers and spend by RFM segment, and the 80/20 view: the best-spending fifth's share of sales. */
    private ObjectNode segments(MerchantPrincipal who, Map<String, String> params) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode segment = out.putArray("segments");
        ArrayNode customers = out.putArray("customers");
        ArrayNode spend = out.putArray("spend");
        for (JsonNode row : rows(who, "segments", params)) {
            if (row.get("segment").asText().equals("top 20%")) {
                ObjectNode top = out.putObject("top20");
                top.put("customers", row.get("customers").asLong());
                top.put("customersShare", row.get("customers_share").asText());
                top.put("spend", row.get("spend").asLong());
                top.put("spendShare", row.get("spend_share").asText());
            } else {
                segment.add(row.get("segment").asText());
                customers.add(row.get("customers").asLong());
                spend.add(row.get("spend").asLong());
            }
        }
        return out;
    }

    /**
     * Lapsed customers over time: for each month start within the period (at most the last twelve, and the period's
     * end), how many customers the lapsed report lists for the period from its start up to that day.
     */
    private ObjectNode lapsed(MerchantPrincipal who, Map<String, String> params) {
        ReportPeriod period = reports.prepare(who, "lapsed", withJson(params)).request().period();
        TreeMap<LocalDate, Long> counts = new TreeMap<>();
        LocalDate end = period.to();
        counts.put(end, null);
        LocalDate month = end.withDayOfMonth(1);
        while (month.isAfter(period.from()) && counts.size() < LAPSED_POINTS) {
            counts.put(month, null);
            month = month.minusMonths(1);
        }
        ObjectNode out = JSON.createObjectNode();
        ArrayNode days = out.putArray("days");
        ArrayNode lapsed = out.putArray("lapsed");
        for (LocalDate to : counts.keySet()) {
            Map<String, String> p = new HashMap<>(params);
            p.put("from", period.from().toString());
            p.put("to", to.toString());
            days.add(to.minusDays(1).toString());
            lapsed.add(rows(who, "lapsed", p).size());
        }
        return out;
    }

    private JsonNode rows(MerchantPrincipal who, String report, Map<String, String> params) {
        MerchantReports.PreparedReport prepared = reports.prepare(who, report, withJson(params));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            prepared.writeTo(bytes);
            return JSON.readTree(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> withJson(Map<String, String> params) {
        Map<String, String> p = new HashMap<>(params);
        p.put("format", "json");
        p.remove("gzip");
        return p;
    }
}
