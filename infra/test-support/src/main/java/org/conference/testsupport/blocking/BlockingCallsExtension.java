package org.conference.testsupport.blocking;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test (or, after the last one, the test class) during which BlockHound caught a blocking call on a
 * non-blocking thread, wherever the error it threw went. Registered for every Jupiter test through ServiceLoader
 * ({@code junit.jupiter.extensions.autodetection.enabled}, set for surefire in the parent pom). Calls made while no
 * test of this class ran (a shared context's background work) are reported by the next check, which names them.
 */
public class BlockingCallsExtension implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        failOnBlockingCalls(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failOnBlockingCalls(context);
    }

    private static void failOnBlockingCalls(ExtensionContext context) {
        List<BlockingCall> caught = BlockingCalls.takeAll();
        if (caught.isEmpty()) {
            return;
        }
        String calls = caught.stream().map(call -> "  " + call).distinct().collect(Collectors.joining("\n"));
        AssertionError failure = new AssertionError(caught.size() + " blocking call(s) on non-blocking threads during "
                + context.getDisplayName() + " (or since the previous test):\n" + calls, caught.get(0).error());
        caught.stream().skip(1).limit(4).forEach(call -> failure.addSuppressed(call.error()));
        throw failure;
    }
}
