package org.orderdesk.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** The machine the figures were measured on: they are only comparable with it. */
public record Machine(int cores, String processor, long memoryBytes, String jdk, String h2) {

    public static Machine current() {
        OperatingSystemMXBean system = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                detectProcessor(),
                system.getTotalMemorySize(),
                System.getProperty("java.vm.vendor") + " JDK " + Runtime.version(),
                "H2 " + org.h2.engine.Constants.VERSION);
    }

    /** One line: cores, processor, memory, JDK. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "%d cores (%s), %.0f GiB, %s",
                cores,
                processor,
                memoryBytes / (1024.0 * 1024 * 1024),
                jdk);
    }

    /** The 1, 5 and 15 minute load averages: a busy machine shows in every figure. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load " + fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException unknown) {
            return "load unknown";
        }
    }

    private static String detectProcessor() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException unknown) {
            return System.getProperty("os.arch");
        }
    }
}
