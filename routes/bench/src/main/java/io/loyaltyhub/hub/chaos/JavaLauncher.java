package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.hub.cli.HubCommand;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * How to start a command of the hub (its {@code run}, its {@code broker}) as a child process: the same Java, and
 * {@code -jar} with the hub's own jar when there is one beside the jar this program runs from (the tools' build puts
 * {@code loyalty-hub.jar} and its {@code lib/} next to {@code loyalty-bench.jar}), so the hub starts as a user starts
 * it; the same class path and the hub's main class otherwise (from an IDE or a build's test run).
 */
record JavaLauncher(String java, List<String> program, List<String> jvmOptions) {
    static final String HUB_JAR = "loyalty-hub.jar";

    static JavaLauncher ofTheHub(List<String> jvmOptions) {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        String classPath = System.getProperty("java.class.path");
        List<String> program = hubJarBeside(classPath).map(jar -> List.of("-jar", jar.toString()))
                .orElse(List.of("-cp", classPath, HubCommand.class.getName()));
        return new JavaLauncher(java, program, List.copyOf(jvmOptions));
    }

    /** The hub's jar in the folder of this program's jar, when this program runs from one jar. */
    private static Optional<Path> hubJarBeside(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path programJar = Path.of(classPath);
        Path hubJar = isHubJar(programJar) ? programJar : programJar.resolveSibling(HUB_JAR);
        return isHubJar(hubJar) ? Optional.of(hubJar) : Optional.empty();
    }

    private static boolean isHubJar(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            return jar.getManifest() != null
                    && HubCommand.class.getName().equals(jar.getManifest().getMainAttributes().getValue("Main-Class"));
        } catch (IOException e) {
            return false;
        }
    }

    List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(program);
        command.addAll(arguments);
        return command;
    }

    /** How the hub is started, e.g. {@code java -Xmx1g -jar routes/bench/target/loyalty-hub.jar}. */
    String describe() {
        return "java " + String.join(" ", jvmOptions) + (jvmOptions.isEmpty() ? "" : " ") + String.join(" ", program);
    }

    /** How this program was started, for the report: e.g. {@code java -jar routes/bench/target/loyalty-bench.jar}. */
    static String describeThisProgram() {
        String classPath = System.getProperty("java.class.path");
        return !classPath.contains(File.pathSeparator) && classPath.endsWith(".jar") ? "java -jar " + classPath
                : "java -cp " + classPath + " io.loyaltyhub.hub.tools.BenchTools";
    }
}
