package org.conference.simulator.calls;

import org.conference.common.events.TelephonyCommand;

/**
 * A command as the call received it, listed on the call so that tests can see what the platform told it (prompts
 * played, joins, mutes).
 *
 * @param issuedAt when the platform issued it (epoch ms), as the command says
 * @param receivedAt when the simulator applied it (epoch ms): recordings are timed by this
 */
public record ReceivedCommand(String id, String type, String argument, long issuedAt, long receivedAt) {

    public static ReceivedCommand of(TelephonyCommand command, long receivedAt) {
        return new ReceivedCommand(command.id(), command.type(), command.argument(), command.issuedAt(), receivedAt);
    }
}
