package dev.ankiconnect.load;

import java.io.IOException;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * Writes a bounded thread dump to {@code target/thread-dumps/} when a load phase fails: the test JVM's threads
 * with the monitors they hold and wait for (it hosts the embedded Tomcat, so the server's request threads are
 * there), and, on Payara Micro, the server process's own dump ({@code jcmd Thread.print} on the child JVM).
 */
final class ThreadDumps {

    private static final int MAX_THREADS = 600;
    private static final int MAX_FRAMES = 60;
    private static final int MAX_CHARS = 4_000_000;

    private ThreadDumps() {}

    /** Writes the dump and returns its path (or why it could not be written). */
    static String write(String name) {
        StringBuilder out = new StringBuilder();
        out.append("Thread dump of the test JVM (")
                .append(ProcessHandle.current().pid())
                .append(") at ")
                .append(LocalDateTime.now())
                .append('\n');
        try {
            ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
            Arrays.sort(threads, Comparator.comparing(ThreadInfo::getThreadName));
            long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
            out.append(threads.length)
                    .append(" threads; deadlocked (monitor cycle): ")
                    .append(deadlocked == null ? "none" : Arrays.toString(deadlocked))
                    .append("\n\n");
            int n = 0;
            for (ThreadInfo t : threads) {
                if (n++ >= MAX_THREADS || out.length() > MAX_CHARS) {
                    out.append("... ").append(threads.length - n + 1).append(" more threads left out\n");
                    break;
                }
                append(out, t);
            }
        } catch (RuntimeException e) {
            out.append("cannot dump threads: ").append(e).append('\n');
        }
        ProcessHandle.current()
                .descendants()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("payara-micro"))
                        .orElse(false))
                .limit(2)
                .forEach(p -> out.append("\n\n").append(jcmd(p.pid())));
        String file = name.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss")) + ".txt";
        Path path = Path.of("target", "thread-dumps", file).toAbsolutePath();
        try {
            Files.createDirectories(path.getParent());
            String text = out.length() > MAX_CHARS ? out.substring(0, MAX_CHARS) + "\n... cut\n" : out.toString();
            Files.writeString(path, text, StandardCharsets.UTF_8);
            System.out.println("[load] thread dump written to " + path);
            return path.toString();
        } catch (IOException e) {
            return "(thread dump not written: " + e + ")";
        }
    }

    private static void append(StringBuilder out, ThreadInfo t) {
        out.append('"')
                .append(t.getThreadName())
                .append("\" #")
                .append(t.getThreadId())
                .append(' ')
                .append(t.getThreadState());
        if (t.getLockName() != null) {
            out.append(" on ").append(t.getLockName());
        }
        if (t.getLockOwnerName() != null) {
            out.append(" owned by \"")
                    .append(t.getLockOwnerName())
                    .append("\" #")
                    .append(t.getLockOwnerId());
        }
        out.append('\n');
        StackTraceElement[] frames = t.getStackTrace();
        MonitorInfo[] monitors = t.getLockedMonitors();
        for (int i = 0; i < frames.length && i < MAX_FRAMES; i++) {
            out.append("\tat ").append(frames[i]).append('\n');
            for (MonitorInfo m : monitors) {
                if (m.getLockedStackDepth() == i) {
                    out.append("\t- locked ").append(m).append('\n');
                }
            }
        }
        if (frames.length > MAX_FRAMES) {
            out.append("\t... ").append(frames.length - MAX_FRAMES).append(" more frames\n");
        }
        for (LockInfo l : t.getLockedSynchronizers()) {
            out.append("\t- holds ").append(l).append('\n');
        }
        out.append('\n');
    }

    /** The dump of another JVM (the Payara Micro server), at most 20 s. */
    private static String jcmd(long pid) {
        try {
            Path tmp = Files.createTempFile("jcmd", ".txt");
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "Thread.print", "-l")
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.toFile())
                    .start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "jcmd " + pid + " Thread.print did not finish within 20 s";
            }
            String text = Files.readString(tmp, StandardCharsets.UTF_8);
            Files.deleteIfExists(tmp);
            return "Thread dump of the server JVM " + pid + " (jcmd Thread.print):\n"
                    + (text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "\n... cut\n" : text);
        } catch (IOException e) {
            return "jcmd " + pid + " failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "jcmd " + pid + " interrupted";
        }
    }
}
