package io.loyaltyhub.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The benchmark's rows: printed as one table and written as JSON, so two runs can be compared. */
final class ResultTable {
    private static final Logger log = LoggerFactory.getLogger(ResultTable.class);
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();

    void describeMachine(String key, Object value) {
        machine.put(key, value);
    }

    void limit(String what, double perSecond) {
        add("limit", what, perSecond, null, null, null, null);
    }

    /**
     * A hub figure with its ratio to the limit it is bounded by (the lower of the database and broker limits), and
     * what it cost (mean engine batch, process CPU per swipe).
     */
    void hub(String group, String what, double perSecond, double limit, Histogram latency, HubWork.Usage usage) {
        add(group, what, perSecond, limit, latency, null, usage);
    }

    void note(String group, String what, String value) {
        add(group, what, Double.NaN, null, null, value, null);
    }

    private void add(String group, String what, double perSecond, Double limit, Histogram latency, String value,
                     HubWork.Usage usage) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("group", group);
        r.put("measure", what);
        if (!Double.isNaN(perSecond)) {
            r.put("perSecond", Math.round(perSecond));
        }
        if (value != null) {
            r.put("value", value);
        }
        if (limit != null && limit > 0) {
            r.put("ratioToLimit", Math.round(perSecond / limit * 1000) / 1000.0);
        }
        if (latency != null && latency.getTotalCount() > 0) {
            r.put("p50ms", latency.getValueAtPercentile(50) / 1000.0);
            r.put("p99ms", latency.getValueAtPercentile(99) / 1000.0);
            r.put("p999ms", latency.getValueAtPercentile(99.9) / 1000.0);
        }
        if (usage != null) {
            r.put("meanBatch", Math.round(usage.meanBatch() * 10) / 10.0);
            r.put("meanChunk", Math.round(usage.meanChunk() * 10) / 10.0);
            r.put("cpuMsPerSwipe", Math.round(usage.cpuMillisPerSwipe() * 1000) / 1000.0);
            r.put("dbMsPerBatch", Math.round(usage.applyMillisPerBatch() * 10) / 10.0);
            r.put("brokerCommitMsPerBatch", Math.round(usage.commitMillisPerBatch() * 10) / 10.0);
        }
        rows.add(r);
        log.info("[bench] {}: {} = {}", group, what, value != null ? value : Math.round(perSecond) + "/s");
    }

    void print() {
        String format = "%-16s %-62s %10s %7s %9s %9s %9s %7s %7s %9s %7s %7s%n";
        System.out.printf(format, "group", "measure", "per sec", "ratio", "p50 ms", "p99 ms", "p99.9 ms", "batch", "chunk",
                "cpu ms/sw", "db ms", "mq ms");
        for (Map<String, Object> r : rows) {
            System.out.printf(format, r.get("group"), r.get("measure"),
                    r.getOrDefault("perSecond", r.getOrDefault("value", "")), r.getOrDefault("ratioToLimit", ""),
                    r.getOrDefault("p50ms", ""), r.getOrDefault("p99ms", ""), r.getOrDefault("p999ms", ""),
                    r.getOrDefault("meanBatch", ""), r.getOrDefault("meanChunk", ""), r.getOrDefault("cpuMsPerSwipe", ""),
                    r.getOrDefault("dbMsPerBatch", ""), r.getOrDefault("brokerCommitMsPerBatch", ""));
        }
    }

    Path writeJson(Path folder) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("at", Instant.now().toString());
        machine.forEach((k, v) -> root.put(k, String.valueOf(v)));
        ArrayNode list = root.putArray("rows");
        rows.forEach(r -> list.add(mapper.valueToTree(r)));
        Files.createDirectories(folder);
        Path file = folder.resolve("bench-" + Instant.now().toString().replace(':', '-') + ".json");
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        return file;
    }
}
