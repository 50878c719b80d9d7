package org.conference.testsupport.softphone;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real SIP softphone for tests: one headless baresip process on loopback, in a temporary directory of its own, that
 * sends a sine tone as its microphone, records what it hears to a WAV, and is driven over its {@code ctrl_tcp} port.
 * It handles one call at a time. Its events are read on a thread of its own and kept, so the {@code await...} methods
 * wait for what baresip reported, never for a fixed time.
 *
 * <pre>{@code
 * Softphone.assumeAvailable();
 * try (Softphone alice = Softphone.start(SoftphoneOptions.caller("alice", 500))) {
 *     alice.dial("sip:15162065318@127.0.0.1:5060");
 *     alice.awaitEstablished(Duration.ofSeconds(10));
 *     alice.sendDigits("1111#");
 *     ...
 *     alice.hangup();
 *     alice.awaitClosed(Duration.ofSeconds(10));
 *     ToneAnalysis heard = ToneAnalysis.of(alice.heardAudio());
 * }
 * }</pre>
 */
public final class Softphone implements AutoCloseable {

    /**
     * How far apart keys go. baresip sends a key for 9 packets of 20 ms and then its end three times (libre's telev),
     * 240 ms from the next audio frame on; {@code sndcode} queues the key's release itself (menu.c). Keys queued
     * together share one buffer with the sending thread without a lock (its growth, or the reset of the emptied queue,
     * can lose a key), so each goes alone, once the one before has ended.
     */
    static final Duration KEY_PACING = Duration.ofMillis(500);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(10);
    private static final String KEYS = "0123456789*#ABCD";

    private final BaresipProcess baresip;
    private final EventLog events;
    /** Where the current call's events begin; calls before it are over. */
    private int callFrom;
    /** baresip's id of the current call, once an event named it. */
    private String callId;

    private Softphone(BaresipProcess baresip) {
        this.baresip = baresip;
        this.events = baresip.events();
    }

    /** Whether baresip and the modules this harness loads are installed on this machine. */
    public static boolean available() {
        return BaresipInstallation.find().isPresent();
    }

    /**
     * Skips the calling test when baresip is missing on a developer's machine, and fails it when the environment
     * variable {@code CI} is set: CI installs baresip ({@code .ci/run}), so there a missing one is a broken build.
     */
    public static void assumeAvailable() {
        assumeInstalled(available(), System.getenv("CI"));
    }

    static void assumeInstalled(boolean available, String ci) {
        if (!available && ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            Assertions.fail("CI is set but baresip (with the modules " + BaresipInstallation.MODULES
                    + ") is not installed: apt-get install baresip-core");
        }
        Assumptions.assumeTrue(available, "baresip is not installed (apt-get install baresip-core)");
    }

    /** Starts a softphone and returns once it takes commands. */
    public static Softphone start(SoftphoneOptions options) {
        return new Softphone(BaresipProcess.start(options));
    }

    /** Its address: {@code sip:<user>@127.0.0.1:<port>}, what another softphone dials to reach it. */
    public String uri() {
        return "sip:" + baresip.options().user() + "@127.0.0.1:" + baresip.sipPort();
    }

    public int sipPort() {
        return baresip.sipPort();
    }

    public SoftphoneOptions options() {
        return baresip.options();
    }

    /** Starts a call to {@code sipUri}; see {@link #awaitEstablished(Duration)}. */
    public void dial(String sipUri) {
        if (sipUri == null || !sipUri.matches("sips?:[^\\s\"]+")) {
            throw new IllegalArgumentException("a SIP URI such as sip:100@127.0.0.1:5060, not " + sipUri);
        }
        if (callUp()) {
            throw new IllegalStateException(this + " is already in a call: hang up first");
        }
        callFrom = events.size();
        callId = null;
        run("dial", sipUri);
    }

    /** Waits until the current (or, for a callee, the next) call is answered; fails at once if it ends instead. */
    public void awaitEstablished(Duration timeout) {
        closedAt().ifPresent(closed -> {
            // The last call is over: a callee's next call begins after it.
            callFrom = closed + 1;
            callId = null;
        });
        SoftphoneEvent outcome = awaitCallEvent(event -> event.is("CALL_ESTABLISHED") || event.is("CALL_CLOSED"),
                timeout, "an established call");
        if (outcome.is("CALL_CLOSED")) {
            throw new AssertionError(this + ": the call ended before it was established: "
                    + CallEnd.fromReason(outcome.param()) + "\nevents: " + events.since(callFrom) + "\n" + logTail());
        }
    }

    /**
     * Keys {@code digits} ({@code 0-9 * # A-D}) as RFC 4733 telephone-events, one event per key, and returns when the
     * last one has been sent.
     */
    public void sendDigits(String digits) {
        if (digits == null || digits.isEmpty() || !digits.chars().allMatch(key -> KEYS.indexOf(key) >= 0)) {
            throw new IllegalArgumentException("keys of " + KEYS + ", not " + digits);
        }
        requireCallUp("key digits");
        for (char key : digits.toCharArray()) {
            // sndcode queues the key and its release (menu.c, send_code): one telephone-event with its end packets.
            run("sndcode", String.valueOf(key));
            pace(KEY_PACING);
        }
    }

    /** Mutes (sends silence) or unmutes its microphone in the current call. */
    public void mute(boolean muted) {
        requireCallUp("mute");
        // baresip's "mute" toggles and says which way ("call muted" / "call un-muted"); so ask until it says ours.
        for (int toggles = 0; toggles < 2; toggles++) {
            if (run("mute", null).contains("call muted") == muted) {
                return;
            }
        }
        throw new IllegalStateException(this + ": baresip did not " + (muted ? "mute" : "unmute"));
    }

    /** Ends the current call (BYE, or CANCEL while it rings; a callee that has not answered rejects with 486). */
    public void hangup() {
        run("hangup", null);
    }

    /** Waits until the current call has ended and says how. */
    public CallEnd awaitClosed(Duration timeout) {
        return CallEnd.fromReason(awaitCallEvent(event -> event.is("CALL_CLOSED"), timeout, "the call's end").param());
    }

    /** The digits the current call received as telephone-events, one per event, in order. */
    public String receivedDigits() {
        return currentCallEvents().stream()
                .filter(event -> event.is("CALL_DTMF_START"))
                .map(SoftphoneEvent::param)
                .collect(Collectors.joining());
    }

    /** How many received telephone-events of the current call have ended ({@code CALL_DTMF_END}). */
    public long receivedDigitEnds() {
        return currentCallEvents().stream().filter(event -> event.is("CALL_DTMF_END")).count();
    }

    /** Waits until the current call has received at least {@code count} digits; answers them all. */
    public String awaitReceivedDigits(int count, Duration timeout) {
        try {
            return await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                    .until(this::receivedDigits, digits -> digits.length() >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(this + ": " + count + " digits expected within " + timeout + ", received '"
                    + receivedDigits() + "'\n" + logTail(), e);
        }
    }

    /** Every event baresip reported so far. */
    public List<SoftphoneEvent> events() {
        return events.since(0);
    }

    /**
     * The WAV of what it heard in the last call (8 kHz, 16-bit mono), once the call has ended and libsndfile has
     * completed the file. While the call is up, {@link #heardSoFar()} reads what it holds yet. (baresip starts a new
     * dump when a re-INVITE restarts the audio, e.g. hold and resume: this is the newest.)
     */
    public Path heardAudio() {
        return completedDump(SoundDump.Direction.HEARD);
    }

    /** The WAV of what it sent in the last call (its tone, or silence while muted), once the call has ended. */
    public Path sentAudio() {
        return completedDump(SoundDump.Direction.SENT);
    }

    /** What it has heard in the current call up to now (the newest dump, read past its unfinished header). */
    public ToneAnalysis heardSoFar() {
        Path dump = SoundDump.newest(baresip.directory(), SoundDump.Direction.HEARD)
                .orElseThrow(() -> new IllegalStateException(this + " has heard no call yet"));
        try {
            return ToneAnalysis.read(new ByteArrayInputStream(SoundDump.soFar(dump)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kills baresip at once (SIGKILL), as a phone whose network or battery went: its call ends without a BYE and its
     * RTP stops. Every wait on it fails from then on, at once.
     */
    public void vanish() {
        baresip.process().kill();
    }

    /** baresip's whole output (for failure messages). */
    public String log() {
        return baresip.log();
    }

    /** The directory baresip runs in: its configuration, log and sound dumps (deleted by {@link #close()}). */
    public Path directory() {
        return baresip.directory();
    }

    /** From starting the process to its control port answering. */
    public Duration startupTime() {
        return baresip.startupTime();
    }

    /** CPU time the baresip process has used so far (user and system), when the OS tells it. */
    public Optional<Duration> cpuTime() {
        return baresip.cpuTime();
    }

    /** Kills baresip (a call still up ends without BYE) and deletes its directory; also done when the JVM exits. */
    @Override
    public void close() {
        baresip.close();
    }

    @Override
    public String toString() {
        return "softphone " + uri();
    }

    private SoftphoneEvent awaitCallEvent(Predicate<SoftphoneEvent> wanted, Duration timeout, String what) {
        Optional<Integer> found = events.await(callFrom,
                event -> wanted.test(event) && (callId == null || callId.equals(event.callId())), timeout);
        if (found.isEmpty()) {
            String ended = events.endedBecause();
            throw new AssertionError(this + ": no " + what + " within " + timeout
                    + (ended == null ? "" : " (" + ended + ")") + "\nevents: " + events.since(callFrom) + "\n"
                    + logTail());
        }
        SoftphoneEvent event = events.get(found.get());
        if (callId == null) {
            callId = event.callId();
            callFrom = found.get();
        }
        return event;
    }

    private Optional<Integer> closedAt() {
        return callId == null ? Optional.empty()
                : events.await(callFrom, event -> event.is("CALL_CLOSED") && callId.equals(event.callId()),
                        Duration.ZERO);
    }

    private List<SoftphoneEvent> currentCallEvents() {
        return events.since(callFrom).stream()
                .filter(event -> callId == null || callId.equals(event.callId()))
                .toList();
    }

    private boolean callUp() {
        List<SoftphoneEvent> call = currentCallEvents();
        return call.stream().anyMatch(event -> !event.callId().isEmpty())
                && call.stream().noneMatch(event -> event.is("CALL_CLOSED"));
    }

    private void requireCallUp(String action) {
        List<SoftphoneEvent> call = currentCallEvents();
        if (call.stream().noneMatch(event -> event.is("CALL_ESTABLISHED"))
                || call.stream().anyMatch(event -> event.is("CALL_CLOSED"))) {
            throw new IllegalStateException(this + " cannot " + action + ": no established call");
        }
    }

    private Path completedDump(SoundDump.Direction direction) {
        if (callUp()) {
            throw new IllegalStateException(this + "'s call is still up: its dump is complete only after it ends");
        }
        AtomicReference<Path> dump = new AtomicReference<>();
        try {
            await().atMost(DUMP_TIMEOUT).pollInterval(Duration.ofMillis(10)).until(() -> {
                dump.set(SoundDump.newest(baresip.directory(), direction).orElse(null));
                return dump.get() != null && SoundDump.complete(dump.get());
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(this + ": no completed " + direction + " dump in " + baresip.directory()
                    + " within " + DUMP_TIMEOUT + " (" + dump.get() + ")\n" + logTail(), e);
        }
        return dump.get();
    }

    private String run(String command, String params) {
        ControlChannel.Answer answer = baresip.control().command(command, params, COMMAND_TIMEOUT);
        if (!answer.ok()) {
            throw new IllegalStateException(this + ": baresip refused '" + command
                    + (params == null ? "" : " " + params) + "': " + answer.data().strip() + "\n" + logTail());
        }
        return answer.data();
    }

    private String logTail() {
        return baresip.logTail();
    }

    private static void pace(Duration gap) {
        try {
            // Pacing a protocol (one telephone-event at a time), not waiting for a state: nothing reports "key sent".
            TimeUnit.NANOSECONDS.sleep(gap.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keying digits", e);
        }
    }
}
