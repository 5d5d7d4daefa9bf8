package io.loyaltyhub.hub.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The temporary folder of one set-up's run: the hub's data, the database server's and the broker's files, the
 * logs. Deleted when the run ends — or, if the run is interrupted, by a shutdown hook that first kills every
 * child process still running — unless the user asked to keep it.
 */
final class WorkDir implements AutoCloseable {
    private static final Set<WorkDir> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ChildProcess.killAll();
            OPEN.forEach(WorkDir::close);
        }, "chaos-cleanup"));
    }

    private final Path root;
    private final boolean keep;

    private WorkDir(Path root, boolean keep) {
        this.root = root;
        this.keep = keep;
    }

    static WorkDir create(String prefix, boolean keep) throws IOException {
        WorkDir dir = new WorkDir(Files.createTempDirectory(prefix), keep);
        OPEN.add(dir);
        return dir;
    }

    Path root() {
        return root;
    }

    Path folder(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean kept() {
        return keep;
    }

    @Override
    public void close() {
        if (!OPEN.remove(this) || keep) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // the folder is gone already, or was never filled
        }
    }
}
