package org.orderdesk.bench;

import java.util.List;
import java.util.Optional;
import org.orderdesk.bench.grid.GridCostBenchmark;
import org.orderdesk.bench.grid.GridQueryBenchmark;

/** Every benchmark of {@code docs/benchmarks.md}, in the order the document shows them. */
final class Benchmarks {

    private Benchmarks() {}

    static List<Benchmark> all() {
        return List.of(new GridQueryBenchmark(), new GridCostBenchmark());
    }

    static Optional<Benchmark> byId(String id) {
        return all().stream().filter(benchmark -> benchmark.id().equals(id)).findFirst();
    }
}
