package org.conference.testsupport.blocking;

import reactor.blockhound.BlockingOperationError;

/** One blocking call BlockHound caught on a thread that must never block; {@code error} points at the caller. */
public record BlockingCall(String method, String thread, BlockingOperationError error) {

    @Override
    public String toString() {
        return method + " on thread " + thread;
    }
}
