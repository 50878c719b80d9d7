package org.conference.meeting.rules.behaviours;

/** Why a caller may not come in: the metric label of the refusal and the prompt it hears before the hang-up. */
public record EntryRefusal(String reason, String prompt) {
}
