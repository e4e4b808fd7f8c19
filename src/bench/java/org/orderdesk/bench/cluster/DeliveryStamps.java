package org.orderdesk.bench.cluster;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.orderdesk.lock.LockEvent;

/**
 * When each lock event reached this node's {@code EventBroadcaster}, in microseconds of the
 * machine's clock, which every process on the machine shares. On the publishing node that is right
 * after the event's commit; on the others, when the relay delivered it. An event is known by its
 * fencing token and whether it is the acquire or the release of that hold.
 */
final class DeliveryStamps {

    private long[] keys = new long[1 << 16];
    private long[] micros = new long[1 << 16];
    private int size;

    /** Called by the broadcaster on the delivering thread: takes the time first, then records. */
    void record(LockEvent event) {
        long now = epochMicros(Instant.now());
        long key;
        switch (event) {
            case LockEvent.Acquired acquired -> key = acquired.token() * 2;
            case LockEvent.Released released -> key = released.token() * 2 + 1;
            default -> {
                return;
            }
        }
        synchronized (this) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                micros = Arrays.copyOf(micros, size * 2);
            }
            keys[size] = key;
            micros[size] = now;
            size++;
        }
    }

    synchronized int size() {
        return size;
    }

    /** Writes the pairs (key, microseconds) recorded so far to {@code file} and forgets them. */
    synchronized int drainTo(Path file) throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(size);
            for (int i = 0; i < size; i++) {
                out.writeLong(keys[i]);
                out.writeLong(micros[i]);
            }
        }
        int written = size;
        size = 0;
        return written;
    }

    static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
