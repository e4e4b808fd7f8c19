package org.orderdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs every benchmark, or those named as arguments, each in a JVM of its own and one after the
 * other (they would disturb each other's figures side by side), and rewrites each one's measured
 * part of {@code docs/benchmarks.md} as soon as it is done. {@code scripts/benchmarks} is the
 * command; it builds the class path this needs.
 */
public final class AllBenchmarks {

    private static final Path DOCUMENT = Path.of("docs/benchmarks.md");

    private AllBenchmarks() {}

    public static void main(String[] arguments) throws Exception {
        List<Benchmark> chosen = chosen(arguments);
        BenchmarkDocument document = new BenchmarkDocument(DOCUMENT);
        List<String> failed = new ArrayList<>();
        long started = System.nanoTime();
        for (Benchmark benchmark : chosen) {
            long began = System.nanoTime();
            System.err.printf(
                    Locale.ROOT, "%n=== %s: %s (%s)%n", benchmark.id(), benchmark.title(), Machine.loadAverage());
            Path output = Files.createTempFile("benchmark-" + benchmark.id(), ".md");
            int exit = runAlone(benchmark, output);
            if (exit == 0) {
                document.replace(benchmark.id(), benchmark.title(), Files.readString(output));
            } else {
                failed.add(benchmark.id());
            }
            Files.deleteIfExists(output);
            System.err.printf(
                    Locale.ROOT,
                    "=== %s %s in %.0f s%n",
                    benchmark.id(),
                    exit == 0 ? "written to " + DOCUMENT : "FAILED (exit " + exit + "), its section left as it was",
                    (System.nanoTime() - began) / 1e9);
        }
        document.summariseGoals(Benchmarks.all());
        System.err.printf(Locale.ROOT, "%nAll done in %.1f min%n", (System.nanoTime() - started) / 60e9);
        if (!failed.isEmpty()) {
            System.err.println("Failed: " + String.join(", ", failed));
            System.exit(1);
        }
    }

    private static List<Benchmark> chosen(String[] arguments) {
        if (arguments.length == 0) {
            return Benchmarks.all();
        }
        List<Benchmark> chosen = new ArrayList<>();
        for (String id : arguments) {
            chosen.add(Benchmarks.byId(id)
                    .orElseThrow(() -> new IllegalArgumentException("No benchmark " + id + "; there are "
                            + Benchmarks.all().stream().map(Benchmark::id).toList())));
        }
        return chosen;
    }

    private static int runAlone(Benchmark benchmark, Path output) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx2g", "-XX:+UseG1GC", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        command.addAll(benchmark.jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RunOne.class.getName()));
        command.addAll(Arrays.asList(benchmark.id(), output.toString()));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
