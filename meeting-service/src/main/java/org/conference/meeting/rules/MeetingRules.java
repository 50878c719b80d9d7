package org.conference.meeting.rules;

import static org.conference.meeting.rules.behaviours.KeypadBinding.COUNT;
import static org.conference.meeting.rules.behaviours.KeypadBinding.EXIT;
import static org.conference.meeting.rules.behaviours.KeypadBinding.HELP;
import static org.conference.meeting.rules.behaviours.KeypadBinding.HOLD;
import static org.conference.meeting.rules.behaviours.KeypadBinding.LOCK;
import static org.conference.meeting.rules.behaviours.KeypadBinding.MUTE_OTHERS;
import static org.conference.meeting.rules.behaviours.KeypadBinding.OPERATOR;
import static org.conference.meeting.rules.behaviours.KeypadBinding.QA_CLEAR;
import static org.conference.meeting.rules.behaviours.KeypadBinding.QA_CLOSE;
import static org.conference.meeting.rules.behaviours.KeypadBinding.QA_HAND;
import static org.conference.meeting.rules.behaviours.KeypadBinding.QA_MODERATE;
import static org.conference.meeting.rules.behaviours.KeypadBinding.RECORD;
import static org.conference.meeting.rules.behaviours.KeypadBinding.SELF_MUTE;
import static org.conference.meeting.rules.behaviours.KeypadBinding.TONES;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.conference.common.events.TelephonyCommand;
import org.conference.meeting.rules.MeetingInput.Drop;
import org.conference.meeting.rules.MeetingInput.Dtmf;
import org.conference.meeting.rules.MeetingInput.End;
import org.conference.meeting.rules.MeetingInput.Join;
import org.conference.meeting.rules.MeetingInput.Leave;
import org.conference.meeting.rules.MeetingInput.SetAttribute;
import org.conference.meeting.rules.MeetingInput.Tick;
import org.conference.meeting.rules.MeetingInput.UpdateCall;
import org.conference.meeting.rules.behaviours.CountRule;
import org.conference.meeting.rules.behaviours.EntryRule;
import org.conference.meeting.rules.behaviours.HoldRule;
import org.conference.meeting.rules.behaviours.KeyedAction;
import org.conference.meeting.rules.behaviours.KeypadBinding;
import org.conference.meeting.rules.behaviours.KeypadRule;
import org.conference.meeting.rules.behaviours.Lifecycle;
import org.conference.meeting.rules.behaviours.LimitsRule;
import org.conference.meeting.rules.behaviours.LockRule;
import org.conference.meeting.rules.behaviours.MuteRule;
import org.conference.meeting.rules.behaviours.QaRule;
import org.conference.meeting.rules.behaviours.RecordingRule;
import org.conference.meeting.rules.behaviours.SelfServiceRule;
import org.conference.meeting.rules.behaviours.StartRule;
import org.conference.meeting.rules.behaviours.StopRule;
import org.conference.meeting.rules.behaviours.TonesRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The meeting state machine: a pure function from a meeting (or none) and one input to the next meeting and its
 * effects. The behaviours are the rules of {@code behaviours}, one per attribute family, asked in this order at
 * every moment of the meeting's {@link Lifecycle}; the DTMF controls are the table {@link KeypadBinding}, each
 * mapped here to the rule that acts on it. Every input is idempotent (joining twice, leaving twice, a digit event or
 * a tick delivered again change nothing), so a redelivered input is harmless.
 */
@Component
public class MeetingRules {

    /** How long a keyed sequence that may still grow into a longer binding waits for its next digit. */
    public static final Duration DEFAULT_KEYPAD_TIMEOUT = Duration.ofSeconds(2);

    private final StartRule start = new StartRule();
    private final KeypadRule keypad;
    private final Lifecycle lifecycle;

    public MeetingRules(@Value("${conference.meetings.keypad-timeout:PT2S}") Duration keypadTimeout) {
        LockRule lock = new LockRule();
        MuteRule mute = new MuteRule();
        HoldRule hold = new HoldRule();
        RecordingRule recording = new RecordingRule();
        QaRule qa = new QaRule();
        TonesRule tones = new TonesRule();
        CountRule count = new CountRule();
        SelfServiceRule self = new SelfServiceRule();
        Map<KeypadBinding, KeyedAction> actions = new EnumMap<>(KeypadBinding.class);
        actions.put(SELF_MUTE, mute::toggleSelf);
        actions.put(MUTE_OTHERS, mute::toggleOthers);
        actions.put(LOCK, lock::toggle);
        actions.put(HOLD, hold::toggle);
        actions.put(RECORD, recording::toggle);
        actions.put(EXIT, self::exit);
        actions.put(COUNT, count::tell);
        actions.put(TONES, tones::cycle);
        actions.put(HELP, self::help);
        actions.put(OPERATOR, self::operator);
        actions.put(QA_MODERATE, qa::moderate);
        actions.put(QA_CLEAR, qa::clear);
        actions.put(QA_CLOSE, qa::close);
        actions.put(QA_HAND, qa::hand);
        keypad = new KeypadRule(actions, keypadTimeout);
        // the order matters where rules meet: the stop rule ends a meeting before recording looks for a new
        // carrier; Q&A remembers a joiner's mute after the policies set it; tones are decided before counts
        lifecycle = new Lifecycle(start, List.of(lock, new LimitsRule(), start, new StopRule(), new EntryRule(), mute,
                hold, qa, recording, keypad, tones, count, self));
    }

    /** True when applying {@code input} may open a meeting, which then needs a fresh meeting id. */
    public boolean startsMeeting(Conference current, MeetingInput input) {
        return current == null && input instanceof Join;
    }

    public Outcome.Builder begin(Conference current) {
        return new Outcome.Builder(current, this::finish);
    }

    /** Applies inputs in order; {@code newMeetingId} is used only if {@link #startsMeeting} was true. */
    public void apply(Outcome.Builder effects, MeetingInput input, long now, long newMeetingId) {
        effects.at(now);
        LiveMeeting meeting = new LiveMeeting(effects, now, lifecycle);
        // Java 17: no pattern switch yet; the input types are sealed, so this chain is exhaustive
        if (input instanceof Join join) {
            // kept on the caller, so a join decided later (it waited for the start) still knows when it keyed
            lifecycle.join(meeting, join.participant().withCodeKeyedAt(join.dtmfAt()), join.room(), newMeetingId);
        } else if (input instanceof Leave leave) {
            lifecycle.leave(meeting, leave.callId());
        } else if (input instanceof Drop drop) {
            lifecycle.drop(meeting, drop.callId());
        } else if (input instanceof UpdateCall update) {
            update(meeting, update);
        } else if (input instanceof SetAttribute attribute) {
            lifecycle.attributeSet(meeting, attribute.name(), attribute.value());
        } else if (input instanceof End) {
            lifecycle.end(meeting, null);
        } else if (input instanceof Dtmf dtmf) {
            keyed(meeting, dtmf);
        } else if (input instanceof Tick) {
            lifecycle.fireDue(meeting);
        }
    }

    private void finish(Outcome.Builder effects) {
        lifecycle.decided(new LiveMeeting(effects, effects.now(), lifecycle));
    }

    /** A digit event is applied once (its id is remembered), and only for a call the meeting holds. */
    private void keyed(LiveMeeting meeting, Dtmf dtmf) {
        Conference live = meeting.conference();
        String eventId = dtmf.eventId();
        if (live == null || (eventId != null && live.applied(eventId)) || !live.holds(dtmf.callId())) {
            return;
        }
        if (eventId != null) {
            meeting.change(current -> current.applying(eventId));
        }
        keypad.keyed(meeting, dtmf.callId(), dtmf.digits() == null ? "" : dtmf.digits());
    }

    /**
     * {@code PUT /calls/{id}}: a call in the mix changes as sent, the edge told of a new mute or hold; a waiting
     * call stays on hold until the meeting starts (a new role may start it).
     */
    private void update(LiveMeeting meeting, UpdateCall update) {
        if (meeting.gone()) {
            return;
        }
        meeting.conference().participant(update.callId()).ifPresent(before -> {
            Participant changed = update.changes().applyTo(before);
            Participant after = before.hasJoined() ? changed : changed.withHoldMode(before.holdMode());
            meeting.change(live -> live.replacing(before.callId(), call -> after));
            if (before.muted() != after.muted()) {
                meeting.instruct(after, after.muted() ? TelephonyCommand.MUTE : TelephonyCommand.UNMUTE, null);
            }
            if (before.held() != after.held()) {
                meeting.instruct(after, after.held() ? TelephonyCommand.HOLD : TelephonyCommand.UNHOLD, null);
            }
            meeting.callUpdated(after);
            if (!before.hasJoined()) {
                start.reconsider(meeting);
            }
        });
    }

    /** The reference's Meeting {@code muteMode}: 40 participants and listeners muted, 32 listeners muted. */
    static int initialMuteMode(String policy) {
        return EntryRule.initialMuteMode(policy);
    }

    /** The reference's Meeting {@code holdMode}: 40 when participants and listeners start on hold. */
    static int initialHoldMode(String policy) {
        return EntryRule.initialHoldMode(policy);
    }
}
