package org.orderdesk.bench.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.orderdesk.Application;
import org.orderdesk.event.EventBroadcaster;
import org.orderdesk.lock.LockEvent;
import org.orderdesk.lock.LockService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One application node of {@link ClusterCeilingBenchmark}, in a JVM of its own: the whole
 * application (test profile, cluster relay on) with a subscriber that stamps every lock event it
 * delivers. The benchmark drives it by lines on standard input and reads the answers, lines
 * starting with {@code @}, on standard output (everything else there is the application's log):
 *
 * <pre>
 * publish RATE MILLIS THREADS  -> @published EVENTS FAILURES NANOS
 * count                        -> @count STAMPS
 * cpu                          -> @cpu PROCESS_NANOS LISTENER_THREAD_NANOS
 * dump FILE                    -> @dumped STAMPS   (and forgets them)
 * quit                         -> @bye, then the node stops
 * </pre>
 *
 * The end of standard input (the benchmark died) stops the node too.
 */
public final class CeilingNode {

    private CeilingNode() {}

    public static void main(String[] arguments) throws Exception {
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(Application.class).profiles("test").run(arguments);
        int exit = 1;
        try {
            DeliveryStamps stamps = new DeliveryStamps();
            context.getBean(EventBroadcaster.class).subscribe(LockEvent.class, stamps::record);
            LockEventLoad load = new LockEventLoad(context.getBean(LockService.class));
            reply("ready");
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = commands.readLine()) != null; ) {
                String[] words = line.trim().split(" ");
                switch (words[0]) {
                    case "publish" -> {
                        LockEventLoad.Published published = load.run(
                                Double.parseDouble(words[1]), Long.parseLong(words[2]), Integer.parseInt(words[3]));
                        reply("published " + published.events() + " " + published.failures() + " " + published.nanos());
                    }
                    case "count" -> reply("count " + stamps.size());
                    case "cpu" -> reply("cpu " + processCpuNanos() + " " + listenerCpuNanos());
                    case "dump" -> reply("dumped " + stamps.drainTo(Path.of(words[1])));
                    case "quit" -> {
                        reply("bye");
                        exit = 0;
                        return;
                    }
                    default -> reply("unknown " + line);
                }
            }
        } finally {
            context.close();
            System.exit(exit);
        }
    }

    private static void reply(String answer) {
        System.out.println("@" + answer);
        System.out.flush();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the relay's one listening thread ({@code NotificationListener}'s). */
    private static long listenerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().equals("cluster-listener"))
                .mapToLong(ThreadInfo::getThreadId)
                .map(threads::getThreadCpuTime)
                .sum();
    }
}
