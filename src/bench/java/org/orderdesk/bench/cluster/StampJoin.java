package org.orderdesk.bench.cluster;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the stamps of the publishing node (each event's commit) with those of the receiving nodes
 * (its delivery there): one latency per event and receiver, in milliseconds.
 */
final class StampJoin {

    /** The latencies, and how many events a receiver never got. */
    record Latencies(double[] millis, int missing) {}

    private StampJoin() {}

    static Latencies join(Path published, List<Path> received) throws IOException {
        Map<Long, Long> commits = read(published);
        double[] millis = new double[commits.size() * received.size()];
        int count = 0;
        int missing = 0;
        for (Path receiver : received) {
            Map<Long, Long> deliveries = read(receiver);
            for (Map.Entry<Long, Long> commit : commits.entrySet()) {
                Long delivered = deliveries.get(commit.getKey());
                if (delivered == null) {
                    missing++;
                } else {
                    millis[count++] = (delivered - commit.getValue()) / 1_000.0;
                }
            }
        }
        return new Latencies(java.util.Arrays.copyOf(millis, count), missing);
    }

    private static Map<Long, Long> read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int size = in.readInt();
            Map<Long, Long> stamps = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                stamps.put(in.readLong(), in.readLong());
            }
            return stamps;
        }
    }
}
