package org.orderdesk.bench.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.orderdesk.bench.Distribution;

/**
 * Raises the event rate step by step on one cluster: the first node publishes lock events, every
 * other node receives them. Each step publishes for a fixed time, waits until every receiver has
 * caught up (or stops hearing more), then joins the stamps.
 */
final class CeilingClimb {

    private static final Duration ANSWER = Duration.ofSeconds(30);
    /** A receiver that got nothing new for this long is taken to have got all it will. */
    private static final Duration CATCH_UP_SILENCE = Duration.ofSeconds(3);

    private final NodeProcess publisher;
    private final List<NodeProcess> receivers;
    private final long postgresPid;
    private final NotifyQueueWatch queue;
    private final Path work;
    private final long publishMillis;
    private final int publishThreads;
    private int dumps;

    CeilingClimb(
            List<NodeProcess> nodes,
            long postgresPid,
            NotifyQueueWatch queue,
            Path work,
            long publishMillis,
            int publishThreads) {
        this.publisher = nodes.getFirst();
        this.receivers = nodes.subList(1, nodes.size());
        this.postgresPid = postgresPid;
        this.queue = queue;
        this.work = work;
        this.publishMillis = publishMillis;
        this.publishThreads = publishThreads;
    }

    /**
     * The first rate is the baseline; the climb stops after the first step whose median latency
     * is at least double the baseline's, or whose rate the publisher did not reach.
     */
    List<CeilingStep> climb(List<Double> rates, Consumer<CeilingStep> progress) throws Exception {
        List<CeilingStep> steps = new ArrayList<>();
        for (double rate : rates) {
            CeilingStep step = step(rate);
            steps.add(step);
            progress.accept(step);
            if (steps.size() > 1 && (!step.keptUp() || doubled(steps.getFirst(), step))) {
                break;
            }
        }
        return steps;
    }

    static boolean doubled(CeilingStep baseline, CeilingStep step) {
        return step.latency().p50() >= 2 * baseline.latency().p50();
    }

    CeilingStep step(double rate) throws Exception {
        long[] cpuBefore = cpu();
        queue.takeMax();
        String[] published = publisher.ask(
                "publish " + rate + " " + publishMillis + " " + publishThreads, ANSWER.plusMillis(publishMillis));
        long[] cpuAfter = cpu();
        double queueUsage = queue.takeMax() * 100;
        int events = Integer.parseInt(published[0]);
        int failures = Integer.parseInt(published[1]);
        double seconds = Long.parseLong(published[2]) / 1e9;
        awaitCatchUp(events);
        StampJoin.Latencies latencies = join();
        double window = (cpuAfter[0] - cpuBefore[0]) / 100.0;
        double receiverCpu = 0;
        double listenerCpu = 0;
        for (int i = 0; i < receivers.size(); i++) {
            int process = 5 + 2 * i;
            receiverCpu = Math.max(receiverCpu, (cpuAfter[process] - cpuBefore[process]) / window);
            listenerCpu = Math.max(listenerCpu, (cpuAfter[process + 1] - cpuBefore[process + 1]) / window);
        }
        return new CeilingStep(
                rate,
                events / seconds,
                failures,
                latencies.millis().length == 0
                        ? Distribution.of(new double[] {Double.NaN})
                        : Distribution.of(latencies.millis()),
                latencies.missing(),
                (cpuAfter[3] - cpuBefore[3]) / window,
                receiverCpu,
                listenerCpu,
                (cpuAfter[1] - cpuBefore[1]) / window,
                (cpuAfter[2] - cpuBefore[2]) / window,
                queueUsage);
    }

    /**
     * Wall time, PostgreSQL's CPU, the machine's busy CPU, the publisher's CPU and listener CPU,
     * then each receiver's process and listener CPU: all in nanoseconds.
     */
    private long[] cpu() throws InterruptedException {
        long[] times = new long[5 + 2 * receivers.size()];
        times[0] = System.nanoTime();
        times[1] = ProcessorTime.ofTree(postgresPid);
        times[2] = ProcessorTime.machineBusy();
        String[] own = publisher.ask("cpu", ANSWER);
        times[3] = Long.parseLong(own[0]);
        times[4] = Long.parseLong(own[1]);
        for (int i = 0; i < receivers.size(); i++) {
            String[] theirs = receivers.get(i).ask("cpu", ANSWER);
            times[5 + 2 * i] = Long.parseLong(theirs[0]);
            times[6 + 2 * i] = Long.parseLong(theirs[1]);
        }
        return times;
    }

    private void awaitCatchUp(int expected) throws InterruptedException {
        for (NodeProcess receiver : receivers) {
            int last = -1;
            long lastChange = System.nanoTime();
            while (true) {
                int count = Integer.parseInt(receiver.ask("count", ANSWER)[0]);
                if (count >= expected) {
                    break;
                }
                if (count != last) {
                    last = count;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > CATCH_UP_SILENCE.toNanos()) {
                    break;
                }
                Thread.sleep(50);
            }
        }
    }

    private StampJoin.Latencies join() throws InterruptedException, IOException {
        int dump = dumps++;
        Path published = work.resolve("stamps-" + dump + "-" + publisher.name());
        publisher.ask("dump " + published, ANSWER);
        List<Path> received = new ArrayList<>();
        for (NodeProcess receiver : receivers) {
            Path file = work.resolve("stamps-" + dump + "-" + receiver.name());
            receiver.ask("dump " + file, ANSWER);
            received.add(file);
        }
        return StampJoin.join(published, received);
    }
}
