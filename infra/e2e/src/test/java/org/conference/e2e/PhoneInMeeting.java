package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conference.e2e.LiveRoom.eventually;

import java.util.concurrent.atomic.AtomicInteger;

import org.conference.testsupport.softphone.Softphone;

/**
 * A real softphone (baresip) in a room's meeting through the SIP edge: it dialled the room's DID, keyed its access
 * code by RFC 4733 and is a joined Call on the platform.
 *
 * @param phone  the softphone; its SIP user is the caller number
 * @param role   the role its code gave it
 * @param callId its Call's id in the public API
 */
record PhoneInMeeting(Softphone phone, int role, long callId) {

    String number() {
        return phone.options().user();
    }

    int toneHz() {
        return phone.options().toneHz();
    }

    /** For assertion messages: {@code 121234567801 (500 Hz)}. */
    String who() {
        return number() + " (" + toneHz() + " Hz)";
    }

    /**
     * The phone dials {@code sip:<did>@127.0.0.1:<sip port>}, keys its code and {@code #}, and is in the meeting. The
     * room's first caller dials again while meeting-service hangs up on it: it learns a new DID from provisioning's
     * topics in its own time.
     */
    static PhoneInMeeting dialIn(Platform platform, LiveRoom room, Softphone phone, int role) {
        String number = phone.options().user();
        String uri = platform.sipUri(room.did());
        AtomicInteger dials = new AtomicInteger(1);
        phone.dial(uri);
        eventually(number + " routed to " + uri, () -> {
            if (room.callOf(number) == null && hungUpOn(phone) >= dials.get()) {
                phone.dial(uri);
                dials.incrementAndGet();
            }
            assertThat(room.callOf(number)).as("the Call of " + number).isNotNull().containsEntry("state", 1);
        });
        phone.awaitEstablished(LiveRoom.WAIT);
        phone.sendDigits(room.code(role) + "#");
        eventually(number + " (role " + role + ") in meeting " + room.meetingNumber(), () ->
                assertThat(room.callOf(number)).as("the Call of " + number).isNotNull()
                        .containsEntry("state", 2).containsEntry("role", role)
                        .containsEntry("meetingNumber", (int) room.meetingNumber()));
        return new PhoneInMeeting(phone, role, LiveRoom.number(room.callOf(number).get("id")));
    }

    /** How many of the phone's calls have ended. */
    private static long hungUpOn(Softphone phone) {
        return phone.events().stream().filter(event -> event.is("CALL_CLOSED")).count();
    }
}
