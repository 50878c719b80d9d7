package org.conference.testsupport.blocking;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The blocking calls BlockHound has caught and no test has accounted for yet. BlockHound throws a
 * {@link reactor.blockhound.BlockingOperationError} where the call happens, but reactive code often turns an error into
 * a retry or a log line (the outbox relay does), so the throw alone would not fail a test: this record lets
 * {@link BlockingCallsExtension} fail it anyway.
 * <p>
 * BlockHound is installed once per JVM and calls back from whichever thread blocked, so this record is JVM-wide too:
 * the one piece of static mutable state in the tests, and the reason it is a lock-free queue (a lock could block the
 * very event loop that reports).
 */
public final class BlockingCalls {

    private static final Queue<BlockingCall> CAUGHT = new ConcurrentLinkedQueue<>();

    static void record(BlockingCall call) {
        CAUGHT.add(call);
    }

    /** Everything caught since the last call, oldest first; a test that blocks on purpose takes its own calls here. */
    public static List<BlockingCall> takeAll() {
        List<BlockingCall> taken = new ArrayList<>();
        for (BlockingCall call = CAUGHT.poll(); call != null; call = CAUGHT.poll()) {
            taken.add(call);
        }
        return taken;
    }

    /** Everything caught and not yet taken, oldest first, left in place for {@link BlockingCallsExtension}. */
    public static List<BlockingCall> peek() {
        return List.copyOf(CAUGHT);
    }

    private BlockingCalls() {
    }
}
