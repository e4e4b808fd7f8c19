package org.orderdesk.bench;

import java.util.List;

/**
 * One benchmark of {@code docs/benchmarks.md}: it measures, side by side in one run, and returns
 * its section of the document. {@link AllBenchmarks} runs each in a JVM of its own, so that no
 * benchmark's heap, threads or JIT state colours another's figures.
 */
public interface Benchmark {

    /** Short name: the section's marker in the document and the argument that runs it alone. */
    String id();

    /** The section's heading. */
    String title();

    /**
     * Measures and returns the section's Markdown below its heading: what is measured and how, in
     * a few sentences, then each table through {@link BenchmarkRun#table}, then each goal through
     * {@link BenchmarkRun#goal}. Everything it starts it stops before returning.
     */
    String run(BenchmarkRun run) throws Exception;

    /** JVM options of the benchmark's own JVM, beyond the runner's defaults. */
    default List<String> jvmOptions() {
        return List.of();
    }
}
