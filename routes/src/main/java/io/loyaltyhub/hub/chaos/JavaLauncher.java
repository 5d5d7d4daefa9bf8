package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.hub.cli.HubCommand;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * How to start another command of this very program as a child process: the same Java, and {@code -jar} when
 * this process runs from the hub's jar (as a user does), the same class path otherwise (from an IDE or a build).
 */
record JavaLauncher(String java, List<String> program, List<String> jvmOptions) {

    static JavaLauncher ofThisProgram(List<String> jvmOptions) {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        String classPath = System.getProperty("java.class.path");
        List<String> program = isHubJar(classPath) ? List.of("-jar", classPath)
                : List.of("-cp", classPath, HubCommand.class.getName());
        return new JavaLauncher(java, program, List.copyOf(jvmOptions));
    }

    private static boolean isHubJar(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
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

    /** What the report says was run, e.g. {@code java -jar routes/target/loyalty-hub.jar}. */
    String describe() {
        return "java " + String.join(" ", jvmOptions) + (jvmOptions.isEmpty() ? "" : " ") + String.join(" ", program);
    }
}
