package org.orderdesk.bench.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CeilingNode} in a JVM of its own, spoken to by lines: its answers (lines starting with
 * {@code @}) are queued, the rest of its output goes to {@code NAME.log} in the work folder. It is
 * killed when closed, and when this JVM exits without closing it.
 */
final class NodeProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Thread killOnExit;

    private NodeProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.commands = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
        this.killOnExit = new Thread(this::kill, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts node {@code name}: this JVM's java and class path, {@code jvmOptions}, temporary files
     * and XDG configuration in {@code work}, and {@code properties} as the application's arguments.
     */
    static NodeProcess start(String name, Path work, List<String> jvmOptions, List<String> properties)
            throws IOException {
        Path temporary = Files.createDirectories(work.resolve(name + "-tmp"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + temporary);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CeilingNode.class.getName()));
        properties.forEach(property -> command.add("--" + property));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("XDG_CONFIG_HOME", temporary.toString());
        NodeProcess node = new NodeProcess(name, builder.start());
        node.readOutput(work.resolve(name + ".log"));
        return node;
    }

    private void readOutput(Path log) throws IOException {
        Writer logFile = Files.newBufferedWriter(log);
        Thread.ofPlatform().daemon().name("output-" + name).start(() -> {
            try (logFile;
                    BufferedReader output = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = output.readLine()) != null; ) {
                    if (line.startsWith("@")) {
                        answers.add(line.substring(1));
                    } else {
                        logFile.write(line);
                        logFile.write('\n');
                        logFile.flush();
                    }
                }
            } catch (IOException e) {
                // The node is gone; whoever waits for an answer hears of it below.
            }
            answers.add("gone");
        });
    }

    String name() {
        return name;
    }

    /** Waits for the node to say it is up. */
    void awaitReady(Duration timeout) throws InterruptedException {
        expect("ready", timeout);
    }

    /** Sends {@code command} and returns the words of the answer after its first one. */
    String[] ask(String command, Duration timeout) throws InterruptedException {
        commands.println(command);
        String first = command.split(" ")[0];
        String answer = expect(
                switch (first) {
                    case "publish" -> "published";
                    case "dump" -> "dumped";
                    case "quit" -> "bye";
                    default -> first;
                },
                timeout);
        String[] words = answer.split(" ");
        return Arrays.copyOfRange(words, 1, words.length);
    }

    private String expect(String word, Duration timeout) throws InterruptedException {
        String answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (answer == null || !answer.split(" ")[0].equals(word)) {
            throw new IllegalStateException(
                    name + " answered " + (answer == null ? "nothing within " + timeout : "'" + answer + "'")
                            + " where '" + word + "' was due; see its log");
        }
        return answer;
    }

    /** Asks the node to stop, and kills it if it has not within a few seconds. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                commands.println("quit");
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            kill();
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException exiting) {
                // The hook runs anyway.
            }
        }
    }

    private void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long pid() {
        return process.pid();
    }
}
