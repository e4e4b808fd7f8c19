package org.orderdesk.bench;

import java.util.List;
import java.util.Optional;
import org.orderdesk.bench.cluster.ClusterCeilingBenchmark;
import org.orderdesk.bench.fanout.FanOutBenchmark;
import org.orderdesk.bench.grid.GridCostBenchmark;
import org.orderdesk.bench.grid.GridQueryBenchmark;
import org.orderdesk.bench.heap.SessionHeapBenchmark;
import org.orderdesk.bench.lockfreed.LockFreedBenchmark;
import org.orderdesk.bench.locks.LockFloorBenchmark;
import org.orderdesk.bench.locks.RenewalLoadBenchmark;
import org.orderdesk.bench.lockshown.LockShownBenchmark;

/** Every benchmark of {@code docs/benchmarks.md}, in the order the document shows them. */
final class Benchmarks {

    private Benchmarks() {}

    static List<Benchmark> all() {
        return List.of(
                new LockShownBenchmark(),
                new LockFreedBenchmark(),
                new LockFloorBenchmark(),
                new FanOutBenchmark(),
                new SessionHeapBenchmark(),
                new GridQueryBenchmark(),
                new GridCostBenchmark(),
                new RenewalLoadBenchmark(),
                new ClusterCeilingBenchmark());
    }

    static Optional<Benchmark> byId(String id) {
        return all().stream().filter(benchmark -> benchmark.id().equals(id)).findFirst();
    }
}
