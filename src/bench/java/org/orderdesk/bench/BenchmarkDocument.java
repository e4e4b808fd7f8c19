package org.orderdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code docs/benchmarks.md}: the runner rewrites what lies between a benchmark's markers, {@code
 * <!-- bench:ID -->} and {@code <!-- /bench:ID -->}; the reading of the figures, written by
 * people, lies outside them and stays. A benchmark without markers yet gets a section at the end.
 */
final class BenchmarkDocument {

    private final Path file;

    BenchmarkDocument(Path file) {
        this.file = file;
    }

    /** Replaces the measured part {@code id} with {@code markdown}; writes the file at once. */
    void replace(String id, String title, String markdown) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        String start = "<!-- bench:" + id + " -->";
        String end = "<!-- /bench:" + id + " -->";
        String measured = start + "\n" + markdown.strip() + "\n" + end;
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        String rewritten;
        if (from >= 0 && to > from) {
            rewritten = text.substring(0, from) + measured + text.substring(to + end.length());
        } else {
            rewritten = text.stripTrailing() + "\n\n## " + title + "\n\n" + measured + "\n";
        }
        // Written beside and moved, so that an interrupted run never leaves half a document.
        Path written = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(written, rewritten, StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
