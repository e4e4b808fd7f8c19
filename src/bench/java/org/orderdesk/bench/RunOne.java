package org.orderdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** One benchmark in this JVM: {@code RunOne ID OUTPUT} writes its section's Markdown to OUTPUT. */
public final class RunOne {

    private RunOne() {}

    public static void main(String[] arguments) throws Exception {
        int exit = 1;
        try {
            Benchmark benchmark = Benchmarks.byId(arguments[0])
                    .orElseThrow(() -> new IllegalArgumentException("No benchmark " + arguments[0]));
            String markdown = benchmark.run(new BenchmarkRun(benchmark, Machine.current()));
            Files.writeString(Path.of(arguments[1]), markdown);
            exit = 0;
        } catch (Exception | Error failure) {
            failure.printStackTrace();
        } finally {
            // Non-daemon threads of Spring contexts, Playwright or servers must not keep the JVM.
            System.exit(exit);
        }
    }
}
