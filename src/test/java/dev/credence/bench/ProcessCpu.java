package dev.credence.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of a process and of its JIT compiler threads, read from /proc (Linux; benchmarks only). */
final class ProcessCpu {
    static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private ProcessCpu() {
    }

    /** utime + stime of the process, in clock ticks (/proc/PID/stat fields 14 and 15). */
    static long ticks(long pid) {
        try {
            return ticksOf(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException ex) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid, ex);
        }
    }

    /**
     * CPU ticks of the JIT compiler threads ("C1/C2 CompilerThre…" in /proc/PID/task/N/comm). Start the JVM
     * with -XX:-UseDynamicNumberOfCompilerThreads, so none of them exits and takes its ticks along.
     */
    static long compilerTicks(long pid) throws IOException {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String comm = Files.readString(t.resolve("comm"));
                    if (comm.startsWith("C") && comm.contains("Compiler")) {
                        sum += ticksOf(Files.readString(t.resolve("stat")));
                    }
                } catch (IOException gone) {
                    // the thread ended between list and read
                }
            }
        }
        return sum;
    }

    static double millis(long ticks) {
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }

    private static long ticksOf(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
