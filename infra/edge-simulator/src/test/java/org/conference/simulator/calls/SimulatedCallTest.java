package org.conference.simulator.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.conference.common.events.TelephonyCommand;
import org.conference.common.events.TelephonyEvent.Offer;
import org.junit.jupiter.api.Test;

class SimulatedCallTest {

    private final SimulatedCall ringing = SimulatedCall.ringing("call-1",
            new Offer("+15162065319", "15162065318", null, null, "PCMU", null, null), 1_000L);

    private static ReceivedCommand command(int n, String type, String argument) {
        return new ReceivedCommand("command-" + n, type, argument, 2_000L + n, 3_000L + n);
    }

    @Test
    void aJoinThatOvertakesTheAnswerIsNotUndoneByIt() {
        SimulatedCall joined = ringing.receive(command(1, TelephonyCommand.JOIN, "273751"));

        SimulatedCall answered = joined.answered();

        assertThat(answered.state()).isEqualTo(CallState.IN_MEETING);
        assertThat(answered.meetingNumber()).isEqualTo(273751L);
        assertThat(ringing.answered().state()).isEqualTo(CallState.ANSWERED);
    }

    @Test
    void aServerHangupEndsTheCallAtTheTimeItWasReceived() {
        SimulatedCall ended = ringing.answered().receive(command(1, TelephonyCommand.HANGUP, null));

        assertThat(ended.ended()).isTrue();
        assertThat(ended.endedBy()).isEqualTo(EndedBy.SERVER);
        assertThat(ended.endedAt()).isEqualTo(3_001L);
        assertThat(ended.commands()).extracting(ReceivedCommand::type).containsExactly(TelephonyCommand.HANGUP);
    }

    @Test
    void aCallListsItsLatestThousandCommandsOldestFirst() {
        SimulatedCall call = ringing.answered();
        for (int n = 1; n <= SimulatedCall.LISTED_COMMANDS + 5; n++) {
            call = call.receive(command(n, TelephonyCommand.PLAY, "count:" + n));
        }

        assertThat(call.commands()).hasSize(SimulatedCall.LISTED_COMMANDS);
        assertThat(call.commands().get(0).id()).isEqualTo("command-6");
        assertThat(call.commands().get(SimulatedCall.LISTED_COMMANDS - 1).id())
                .isEqualTo("command-" + (SimulatedCall.LISTED_COMMANDS + 5));
        assertThat(call.hasReceived("command-1005")).isTrue();
    }
}
