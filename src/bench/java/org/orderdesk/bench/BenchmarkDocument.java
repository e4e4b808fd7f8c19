package org.orderdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code docs/benchmarks.md}: the runner rewrites what lies between a benchmark's markers, {@code
 * <!-- bench:ID -->} and {@code <!-- /bench:ID -->}; the reading of the figures, written by
 * people, lies outside them and stays. A benchmark without markers yet gets a section at the end.
 */
final class BenchmarkDocument {

    private static final String GOALS = "goals";

    private final Path file;

    BenchmarkDocument(Path file) {
        this.file = file;
    }

    /** Replaces the measured part {@code id} with {@code markdown}; writes the file at once. */
    void replace(String id, String title, String markdown) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        String measured = start(id) + "\n" + markdown.strip() + "\n" + end(id);
        int from = text.indexOf(start(id));
        int to = text.indexOf(end(id));
        String rewritten;
        if (from >= 0 && to > from) {
            rewritten = text.substring(0, from) + measured + text.substring(to + end(id).length());
        } else {
            rewritten = text.stripTrailing() + "\n\n## " + title + "\n\n" + measured + "\n";
        }
        write(rewritten);
    }

    /**
     * Rewrites the part {@code goals} with every goal line ({@link BenchmarkRun#goal}) of the
     * benchmarks' parts as the document now has them, under each benchmark's title: the outcome
     * at a glance, each line as recent as its section.
     */
    void summariseGoals(List<Benchmark> benchmarks) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        StringBuilder goals = new StringBuilder();
        for (Benchmark benchmark : benchmarks) {
            int from = text.indexOf(start(benchmark.id()));
            int to = text.indexOf(end(benchmark.id()));
            if (from < 0 || to < from) {
                continue;
            }
            List<String> lines = text.substring(from, to)
                    .lines()
                    .filter(line -> line.startsWith(BenchmarkRun.MET) || line.startsWith(BenchmarkRun.MISSED))
                    .toList();
            if (!lines.isEmpty()) {
                goals.append("\n**").append(benchmark.title()).append("**\n\n");
                lines.forEach(line -> goals.append(line).append('\n'));
            }
        }
        int from = text.indexOf(start(GOALS));
        int to = text.indexOf(end(GOALS));
        if (from >= 0 && to > from) {
            write(text.substring(0, from) + start(GOALS) + "\n"
                    + goals.toString().strip() + "\n" + text.substring(to));
        }
    }

    private static String start(String id) {
        return "<!-- bench:" + id + " -->";
    }

    private static String end(String id) {
        return "<!-- /bench:" + id + " -->";
    }

    private void write(String rewritten) throws IOException {
        // Written beside and moved, so that an interrupted run never leaves half a document.
        Path written = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(written, rewritten, StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
