package org.conference.meeting.rules.behaviours;

import static org.conference.common.events.MeetingEvent.RECORDING_STARTED;
import static org.conference.common.events.MeetingEvent.RECORDING_STOPPED;

import java.util.Optional;

import org.conference.common.events.TelephonyCommand;
import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.Deadline;
import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Participant;
import org.conference.meeting.rules.RecordingTake;

/**
 * Recording the meeting's mix. The edge records through one joined call (the carrier): {@code record.start <name>}
 * to it starts a take, {@code record.stop <name>} stops it; Meeting {@code isRecording}, {@code recording.started}
 * and {@code recording.stopped} (data: the Meeting) tell the world.
 * <ul>
 * <li>{@code conference_recording} {@code auto}: recording starts when the meeting starts. Set on the live meeting,
 * {@code on} or {@code auto} starts it now, {@code off} stops it.</li>
 * <li>{@code recording_dtmf} / {@code _binding}: starts or stops it; the keyer hears
 * {@code recording-started}/{@code recording-stopped}.</li>
 * <li>{@code recording_stop_how} {@code last}: it stops when the meeting ends; {@code moderator}:
 * {@code recording_stop_wait} seconds after the last host left ({@code recording-stop}; 0 at once), unless a host
 * joins before.</li>
 * <li>An edge stops a take when its carrier's call ends: if the meeting still records, the next take starts on
 * another joined call (a new name; no event, the meeting never stopped recording).</li>
 * </ul>
 */
public final class RecordingRule implements Rule {

    public static final String RECORDING = "conference_recording";
    public static final String STOP_HOW = "recording_stop_how";
    public static final String STOP_WAIT = "recording_stop_wait";

    @Override
    public void onStarted(LiveMeeting meeting) {
        if ("auto".equalsIgnoreCase(meeting.inForce().text(RECORDING))) {
            start(meeting);
        }
    }

    @Override
    public void onEntered(LiveMeeting meeting, Participant call) {
        if (call.role() == Participant.HOST) {
            meeting.cancel(Deadline.RECORDING_STOP);
        }
    }

    @Override
    public void onLeft(LiveMeeting meeting, Participant call) {
        Conference after = meeting.conference();
        if (!after.recording()) {
            return;
        }
        boolean lastHost = call.hasJoined() && call.role() == Participant.HOST && after.count(Participant.HOST) == 0
                && "moderator".equals(after.inForce().text(STOP_HOW));
        long wait = after.inForce().number(STOP_WAIT, 0);
        if (lastHost && wait <= 0) {
            stop(meeting);
            return;
        }
        if (after.take().carriedBy(call.callId())) {
            nextTake(meeting);
        }
        if (lastHost) {
            meeting.armIn(Deadline.RECORDING_STOP, wait);
        }
    }

    @Override
    public void onEnding(LiveMeeting meeting) {
        if (meeting.conference().recording()) {
            stop(meeting);
        }
    }

    @Override
    public void onDeadline(LiveMeeting meeting, Deadline deadline) {
        if (deadline.equals(Deadline.RECORDING_STOP) && meeting.conference().recording()) {
            stop(meeting);
        }
    }

    @Override
    public void onAttribute(LiveMeeting meeting, String name, String value) {
        if (!RECORDING.equals(name) || !meeting.conference().started()) {
            return;
        }
        boolean wanted = !"off".equalsIgnoreCase(value);
        if (wanted && !meeting.conference().recording()) {
            start(meeting);
        } else if (!wanted && meeting.conference().recording()) {
            stop(meeting);
        }
    }

    /** The recording binding. */
    public void toggle(LiveMeeting meeting, Participant keyer) {
        if (meeting.conference().recording()) {
            stop(meeting);
            meeting.play(keyer, Prompts.RECORDING_STOPPED);
        } else if (start(meeting)) {
            meeting.play(keyer, Prompts.RECORDING_STARTED);
        }
    }

    /** False when no joined call can carry a take. */
    private static boolean start(LiveMeeting meeting) {
        Optional<Participant> carrier = carrier(meeting.conference(), 0);
        if (carrier.isEmpty()) {
            return false;
        }
        RecordingTake take = meeting.conference().take().next(meeting.conference(), carrier.get().callId());
        meeting.change(live -> live.withTake(take));
        meeting.instruct(carrier.get(), TelephonyCommand.RECORD_START, take.name());
        meeting.happened(RECORDING_STARTED, null);
        return true;
    }

    private static void stop(LiveMeeting meeting) {
        RecordingTake take = meeting.conference().take();
        meeting.conference().joined(take.carrierCallId())
                .ifPresent(carrier -> meeting.instruct(carrier, TelephonyCommand.RECORD_STOP, take.name()));
        meeting.change(live -> live.withTake(take.stopped()));
        meeting.cancel(Deadline.RECORDING_STOP);
        meeting.happened(RECORDING_STOPPED, null);
    }

    private static void nextTake(LiveMeeting meeting) {
        RecordingTake take = meeting.conference().take();
        carrier(meeting.conference(), take.carrierCallId()).ifPresent(carrier -> {
            RecordingTake next = take.next(meeting.conference(), carrier.callId());
            meeting.change(live -> live.withTake(next));
            meeting.instruct(carrier, TelephonyCommand.RECORD_START, next.name());
        });
    }

    /** The call that carries a take: the longest in the mix, not on hold if any is not, never {@code except}. */
    private static Optional<Participant> carrier(Conference meeting, long except) {
        Optional<Participant> inTheMix = meeting.participants().stream()
                .filter(call -> call.callId() != except && !call.held()).findFirst();
        return inTheMix.isPresent() ? inTheMix
                : meeting.participants().stream().filter(call -> call.callId() != except).findFirst();
    }
}
