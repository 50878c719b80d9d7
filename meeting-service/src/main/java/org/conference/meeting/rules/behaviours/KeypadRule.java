package org.conference.meeting.rules.behaviours;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.Deadline;
import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Participant;

/**
 * In-meeting DTMF: the digits a caller keys are collected per call and matched against the {@link KeypadBinding}s
 * it may use now. A sequence that is a whole binding and the start of no longer one fires at once; one that may
 * still grow (a moderator's {@code *4} while {@code *40} and {@code *49} exist) waits for the next digit, at most
 * the prefix timeout ({@code dtmf:<callId>}), and fires then if it is a binding. Digits that can begin no binding are
 * dropped, the latest digit starting afresh. One digit per event (a real edge) and a whole string (the simulator)
 * are the same to it.
 */
public final class KeypadRule implements Rule {

    private final Map<KeypadBinding, KeyedAction> actions;
    private final long prefixTimeoutMillis;

    public KeypadRule(Map<KeypadBinding, KeyedAction> actions, Duration prefixTimeout) {
        if (!actions.keySet().containsAll(EnumSet.allOf(KeypadBinding.class))) {
            throw new IllegalArgumentException("every binding needs an action: " + actions.keySet());
        }
        this.actions = new EnumMap<>(actions);
        this.prefixTimeoutMillis = prefixTimeout.toMillis();
    }

    /** Digits from {@code callId}, a call the meeting holds. */
    public void keyed(LiveMeeting meeting, long callId, String digits) {
        String pending = meeting.conference().keyed(callId);
        for (char digit : digits.toCharArray()) {
            Optional<Participant> caller = meeting.gone() ? Optional.empty()
                    : meeting.conference().participant(callId);
            if (caller.isEmpty()) {
                return;
            }
            pending = push(meeting, caller.get(), pending, digit);
        }
        String kept = pending;
        if (meeting.gone() || !meeting.conference().holds(callId)) {
            return;
        }
        meeting.change(live -> live.withKeyed(callId, kept));
        if (kept.isEmpty()) {
            meeting.cancel(Deadline.keypad(callId));
        } else {
            meeting.arm(Deadline.keypad(callId), meeting.now() + prefixTimeoutMillis);
        }
    }

    /** The digits still pending after {@code digit}; a binding they complete has fired. */
    private String push(LiveMeeting meeting, Participant caller, String pending, char digit) {
        String sequence = pending + digit;
        Match match = match(meeting.conference(), caller, sequence);
        if (match.isNone() && !pending.isEmpty()) {
            sequence = String.valueOf(digit);
            match = match(meeting.conference(), caller, sequence);
        }
        if (match.isNone()) {
            return "";
        }
        if (match.longer()) {
            return sequence;
        }
        meeting.change(live -> live.withKeyed(caller.callId(), ""));
        actions.get(match.exact()).keyed(meeting, caller);
        return "";
    }

    @Override
    public void onDeadline(LiveMeeting meeting, Deadline deadline) {
        if (!deadline.isKeypad()) {
            return;
        }
        String pending = meeting.conference().keyed(deadline.callId());
        meeting.change(live -> live.withKeyed(deadline.callId(), ""));
        meeting.conference().participant(deadline.callId()).ifPresent(caller -> {
            KeypadBinding exact = match(meeting.conference(), caller, pending).exact();
            if (exact != null) {
                actions.get(exact).keyed(meeting, caller);
            }
        });
    }

    @Override
    public void onLeft(LiveMeeting meeting, Participant call) {
        meeting.change(live -> live.withKeyed(call.callId(), ""));
        meeting.cancel(Deadline.keypad(call.callId()));
    }

    /** The first binding {@code sequence} completes, and whether a longer one it begins exists. */
    private static Match match(Conference meeting, Participant caller, String sequence) {
        KeypadBinding exact = null;
        boolean longer = false;
        for (KeypadBinding binding : KeypadBinding.values()) {
            String keys = binding.sequence(meeting.inForce());
            if (keys.isEmpty() || !keys.startsWith(sequence) || !binding.usableBy(meeting, caller)) {
                continue;
            }
            if (keys.length() == sequence.length()) {
                exact = exact == null ? binding : exact;
            } else {
                longer = true;
            }
        }
        return new Match(exact, longer);
    }

    private record Match(KeypadBinding exact, boolean longer) {
        boolean isNone() {
            return exact == null && !longer;
        }
    }
}
