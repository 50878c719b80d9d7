package org.conference.simulator.calls;

import java.util.List;

/**
 * A call as {@code GET /simulator/v1/calls/{id}} shows it (ARCHITECTURE.md §6a), with the phone-side fields the
 * offer carried.
 *
 * @param created when the call was placed (epoch ms)
 * @param ended when it ended (epoch ms), null while it is up
 */
public record CallView(
        String id,
        String from,
        String to,
        String addressFrom,
        String addressTo,
        String codec,
        String nodeName,
        String bridgeName,
        CallState state,
        Long meetingNumber,
        boolean muted,
        boolean held,
        boolean recording,
        EndedBy endedBy,
        long created,
        Long ended,
        List<ReceivedCommand> commands) {

    static CallView of(SimulatedCall call, boolean recording) {
        var offer = call.offer();
        return new CallView(call.id(), offer.from(), offer.to(), offer.addressFrom(), offer.addressTo(), offer.codec(),
                offer.nodeName(), offer.bridgeName(), call.state(), call.meetingNumber(), call.muted(), call.held(),
                recording, call.endedBy(), call.createdAt(), call.endedAt(), call.commands());
    }
}
