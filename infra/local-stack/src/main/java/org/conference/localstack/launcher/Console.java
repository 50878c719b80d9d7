package org.conference.localstack.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** What the launcher tells the person at the terminal: progress lines stamped with the time since it started. */
public final class Console {

    private static final int LOG_TAIL_LINES = 40;
    private static final int TAIL_BYTES = 64 * 1024;

    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<Duration> elapsed;
    private final boolean colour;

    public Console(PrintStream out, PrintStream err, Supplier<Duration> elapsed, boolean colour) {
        this.out = out;
        this.err = err;
        this.elapsed = elapsed;
        this.colour = colour;
    }

    public void say(String message) {
        out.println(stamp() + message);
    }

    public void warn(String message) {
        err.println(stamp() + paint("33", message));
    }

    public void fail(String message) {
        err.println(stamp() + paint("31", "ERROR: " + message));
    }

    /** A line without the time stamp (the summary, --status). */
    public void line(String text) {
        out.println(text);
    }

    /** Plain text for the error stream (the usage after a wrong argument). */
    public void explain(String text) {
        err.println(text);
    }

    public String bold(String text) {
        return paint("1", text);
    }

    public String green(String text) {
        return paint("32", text);
    }

    /** The end of a process's log, for when it failed. */
    public void tail(Path log, String shownAs) {
        err.println(bold("---- last " + LOG_TAIL_LINES + " lines of " + shownAs + " ----"));
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            // Only the end: a broker's log grows large, the launcher's heap is small.
            long from = Math.max(0, file.length() - TAIL_BYTES);
            byte[] end = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(end);
            // Whatever a process wrote, even bytes that are not UTF-8, is worth showing.
            List<String> lines = new String(end, StandardCharsets.UTF_8).lines().toList();
            lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()).forEach(err::println);
        } catch (IOException e) {
            err.println("(cannot read it: " + e.getMessage() + ")");
        }
        err.println(bold("---- end of " + shownAs + " ----"));
    }

    public Duration elapsed() {
        return elapsed.get();
    }

    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }

    private String stamp() {
        return String.format(Locale.ROOT, "%6s [local-stack] ", seconds(elapsed.get()));
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
