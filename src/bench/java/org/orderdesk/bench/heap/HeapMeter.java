package org.orderdesk.bench.heap;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The live heap: used heap after full collections, and the class histogram the JVM's {@code
 * GC.class_histogram} command prints (which collects first, so it counts live objects only).
 */
final class HeapMeter {

    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private HeapMeter() {}

    /** Bytes in use after three full collections: the live heap, give or take what a collection leaves. */
    static long liveBytes() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Bytes of live objects by class name. */
    static Map<String, Long> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
        Map<String, Long> bytes = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher matcher = HISTOGRAM_LINE.matcher(line);
            if (matcher.find()) {
                bytes.merge(matcher.group(3), Long.parseLong(matcher.group(2)), Long::sum);
            }
        }
        return bytes;
    }
}
