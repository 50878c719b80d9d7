package org.conference.testsupport.blocking;

import reactor.blockhound.BlockingOperationError;

/** One blocking call BlockHound caught on a thread that must never block; {@code error} points at the caller. */
public record BlockingCall(String method, String thread, BlockingOperationError error) {

    @Override
    public String toString() {
        return method + " on thread " + thread;
    }

    /** This call and where it was made from, {@code frames} stack frames deep. */
    public String withCallers(int frames) {
        StringBuilder described = new StringBuilder(toString());
        StackTraceElement[] stack = error.getStackTrace();
        for (int i = 0; i < Math.min(frames, stack.length); i++) {
            described.append("\n    at ").append(stack[i]);
        }
        return described.toString();
    }
}
