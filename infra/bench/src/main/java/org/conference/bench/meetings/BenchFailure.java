package org.conference.bench.meetings;

/** The platform did not do what a run needs to go on (a refused request, a state never reached in time). */
final class BenchFailure extends RuntimeException {

    BenchFailure(String message) {
        super(message);
    }
}
