package org.conference.meeting.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Q&A session: the raised hands in the order they were raised, who has the floor ({@code speaker}, 0 nobody), and
 * the mute mode each audience call had before the session silenced it, to give it back when the session ends
 * (keyed by call id as text, as a Mongo document key must be).
 */
public record QaSession(List<Long> hands, long speaker, Map<String, Integer> mutesBefore) {

    public static final QaSession NONE = new QaSession(List.of(), 0, Map.of());

    public QaSession {
        hands = hands == null ? List.of() : List.copyOf(hands);
        mutesBefore = mutesBefore == null ? Map.of() : Map.copyOf(mutesBefore);
    }

    public boolean raised(long callId) {
        return hands.contains(callId);
    }

    public QaSession raising(long callId) {
        List<Long> next = new ArrayList<>(hands);
        next.add(callId);
        return new QaSession(next, speaker, mutesBefore);
    }

    public QaSession lowering(long callId) {
        return new QaSession(hands.stream().filter(hand -> hand != callId).toList(), speaker, mutesBefore);
    }

    public QaSession withoutHands() {
        return new QaSession(List.of(), speaker, mutesBefore);
    }

    public QaSession withSpeaker(long callId) {
        return new QaSession(hands, callId, mutesBefore);
    }

    public QaSession remembering(long callId, int muteMode) {
        Map<String, Integer> next = new HashMap<>(mutesBefore);
        next.put(Long.toString(callId), muteMode);
        return new QaSession(hands, speaker, next);
    }

    /** What the session knows about a call that left: nothing any more. */
    public QaSession forgetting(long callId) {
        if (!raised(callId) && speaker != callId && !mutesBefore.containsKey(Long.toString(callId))) {
            return this;
        }
        Map<String, Integer> next = new HashMap<>(mutesBefore);
        next.remove(Long.toString(callId));
        return new QaSession(hands.stream().filter(hand -> hand != callId).toList(),
                speaker == callId ? 0 : speaker, next);
    }

    /** The mute mode the call had before the session, if the session silenced it. */
    public Integer muteBefore(long callId) {
        return mutesBefore.get(Long.toString(callId));
    }
}
