package org.conference.meeting.rules;

import java.util.List;
import java.util.Map;

import org.conference.common.events.AttributeSetting;

/**
 * A copy of a {@link Conference} being changed: records have no withers, and spelling out 27 components per change
 * would hide what each change is. Only what a live meeting can change is here; its identity never changes.
 */
final class ConferenceDraft {

    private final Conference from;
    int state;
    boolean recording;
    boolean secured;
    int qaMode;
    Map<String, String> attributes;
    List<AttributeSetting> changedAttributes;
    List<Participant> participants;
    Map<String, Long> deadlines;
    Long startedAt;
    List<Participant> waiting;
    RoleCount joinedCount;
    RoleCount waitingCount;
    Boolean othersMuted;
    RecordingTake take;
    QaSession qa;
    Map<String, String> keypad;
    List<String> appliedInputs;
    ToneTimes tones;

    ConferenceDraft(Conference from) {
        this.from = from;
        state = from.state();
        recording = from.recording();
        secured = from.secured();
        qaMode = from.qaMode();
        attributes = from.attributes();
        changedAttributes = from.changedAttributes();
        participants = from.participants();
        deadlines = from.deadlines();
        startedAt = from.startedAt();
        waiting = from.waiting();
        joinedCount = from.joinedCount();
        waitingCount = from.waitingCount();
        othersMuted = from.othersMuted();
        take = from.take();
        qa = from.qa();
        keypad = from.keypad();
        appliedInputs = from.appliedInputs();
        tones = from.tones();
    }

    Conference build() {
        return new Conference(from.meetingId(), from.meetingNumber(), from.ownerSid(), from.ownerLineage(),
                from.subscriberName(), from.created(), state, recording, secured, from.muteMode(), from.holdMode(),
                qaMode, from.type(), attributes, changedAttributes, participants, deadlines, startedAt, waiting,
                joinedCount, waitingCount, othersMuted, take, qa, keypad, appliedInputs,
                tones);
    }
}
