package org.orderdesk.bench;

import java.util.List;
import java.util.Optional;
import org.orderdesk.bench.fanout.FanOutBenchmark;
import org.orderdesk.bench.heap.SessionHeapBenchmark;

/** Every benchmark of {@code docs/benchmarks.md}, in the order the document shows them. */
final class Benchmarks {

    private Benchmarks() {}

    static List<Benchmark> all() {
        return List.of(new FanOutBenchmark(), new SessionHeapBenchmark());
    }

    static Optional<Benchmark> byId(String id) {
        return all().stream().filter(benchmark -> benchmark.id().equals(id)).findFirst();
    }
}
