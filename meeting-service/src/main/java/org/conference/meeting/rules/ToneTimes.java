package org.conference.meeting.rules;

/** When the calls in the mix last heard an entry tone and an exit tone (epoch millis; 0 never). */
public record ToneTimes(long entry, long exit) {

    public static final ToneTimes NEVER = new ToneTimes(0, 0);
}
