package org.orderdesk.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load averages and cores, as figures are only comparable with them. */
record MachineLoad(String averages, int cores) {

    static MachineLoad now() {
        String averages;
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            averages = fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException unknown) {
            averages = "unknown";
        }
        return new MachineLoad(averages, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String toString() {
        return "load average " + averages + " (1, 5, 15 min) on " + cores + " cores";
    }
}
