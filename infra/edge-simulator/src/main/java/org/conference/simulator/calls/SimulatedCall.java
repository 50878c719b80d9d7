package org.conference.simulator.calls;

import java.util.ArrayList;
import java.util.List;

import org.conference.common.events.TelephonyCommand;
import org.conference.common.events.TelephonyEvent.Offer;

/**
 * One simulated phone call, immutable: every change makes a new value, which the {@link CallRegistry} swaps in
 * atomically. Whether the call is being recorded is not kept here: a recording belongs to a meeting's mix (see
 * {@code recordings}).
 *
 * @param commands every command received, oldest first (the last {@value #LISTED_COMMANDS} of them)
 */
public record SimulatedCall(
        String id,
        Offer offer,
        CallState state,
        Long meetingNumber,
        boolean muted,
        boolean held,
        EndedBy endedBy,
        long createdAt,
        Long endedAt,
        List<ReceivedCommand> commands) {

    /** Bounds one call's memory; a call of the platform's gets a few dozen commands. */
    static final int LISTED_COMMANDS = 1000;

    public SimulatedCall {
        commands = List.copyOf(commands);
    }

    static SimulatedCall ringing(String id, Offer offer, long createdAt) {
        return new SimulatedCall(id, offer, CallState.RINGING, null, false, false, null, createdAt, null, List.of());
    }

    public boolean ended() {
        return state == CallState.ENDED;
    }

    SimulatedCall answered() {
        return state == CallState.RINGING ? withState(CallState.ANSWERED, meetingNumber) : this;
    }

    SimulatedCall endedBy(EndedBy who, long at) {
        return new SimulatedCall(id, offer, CallState.ENDED, meetingNumber, muted, held, who, createdAt, at, commands);
    }

    boolean hasReceived(String commandId) {
        return commandId != null && commands.stream().anyMatch(command -> commandId.equals(command.id()));
    }

    /** The call after {@code command}; {@code play} and the recording commands change nothing but the list. */
    SimulatedCall receive(ReceivedCommand command) {
        SimulatedCall next = switch (command.type()) {
            case TelephonyCommand.JOIN -> withState(CallState.IN_MEETING, Long.valueOf(command.argument()));
            case TelephonyCommand.LEAVE -> withState(CallState.ANSWERED, null);
            case TelephonyCommand.HANGUP -> endedBy(EndedBy.SERVER, command.receivedAt());
            case TelephonyCommand.MUTE -> withMuted(true);
            case TelephonyCommand.UNMUTE -> withMuted(false);
            case TelephonyCommand.HOLD -> withHeld(true);
            case TelephonyCommand.UNHOLD -> withHeld(false);
            default -> this;
        };
        return next.listing(command);
    }

    private SimulatedCall withState(CallState newState, Long newMeetingNumber) {
        return new SimulatedCall(id, offer, newState, newMeetingNumber, muted, held, endedBy, createdAt, endedAt,
                commands);
    }

    private SimulatedCall withMuted(boolean newMuted) {
        return new SimulatedCall(id, offer, state, meetingNumber, newMuted, held, endedBy, createdAt, endedAt,
                commands);
    }

    private SimulatedCall withHeld(boolean newHeld) {
        return new SimulatedCall(id, offer, state, meetingNumber, muted, newHeld, endedBy, createdAt, endedAt,
                commands);
    }

    private SimulatedCall listing(ReceivedCommand command) {
        List<ReceivedCommand> listed = new ArrayList<>(commands.size() + 1);
        listed.addAll(commands.size() < LISTED_COMMANDS ? commands
                : commands.subList(commands.size() - LISTED_COMMANDS + 1, commands.size()));
        listed.add(command);
        return new SimulatedCall(id, offer, state, meetingNumber, muted, held, endedBy, createdAt, endedAt, listed);
    }
}
