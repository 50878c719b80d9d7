package org.conference.meeting.calls;

import java.util.Optional;

import org.conference.meeting.directory.Keychains;
import org.conference.meeting.directory.Keychains.Key;
import org.conference.meeting.directory.Keychains.Match;

/**
 * Collecting an access code, as ARCHITECTURE.md §6 says: digits accumulate until {@code #}, until they form a code no
 * longer code continues, or until the inter-digit timeout; then they open a room or count as a wrong attempt.
 * One digit per event (a real edge) and a whole string (the simulator) give the same result. Pure.
 */
final class CodeEntry {

    enum Verdict { OPENED, REFUSED, WAITING, IDLE }

    /** Where the entry stands: the digits still buffered, attempts used, the key that opened, wrong codes just keyed. */
    record Result(Verdict verdict, String digits, int attempts, Optional<Key> opened, int wrongCodes) {
    }

    /** Feeds {@code incoming} after {@code buffered}; digits after the code that opened a room are ignored. */
    static Result keyed(String buffered, String incoming, Keychains keys, int attempts, int attemptsAllowed) {
        StringBuilder digits = new StringBuilder(buffered);
        int used = attempts;
        int wrong = 0;
        for (char digit : incoming.toCharArray()) {
            if (digit == '#') {
                Match match = keys.match(digits.toString());
                if (match.exact().isPresent()) {
                    return new Result(Verdict.OPENED, "", used, match.exact(), wrong);
                }
                if (digits.length() == 0) {
                    continue;
                }
            } else {
                digits.append(digit);
                Match match = keys.match(digits.toString());
                if (match.opens()) {
                    return new Result(Verdict.OPENED, "", used, match.exact(), wrong);
                }
                if (!match.hopeless()) {
                    continue;
                }
            }
            used++;
            wrong++;
            digits.setLength(0);
            if (exhausted(used, attemptsAllowed)) {
                return new Result(Verdict.REFUSED, "", used, Optional.empty(), wrong);
            }
        }
        return new Result(digits.length() > 0 ? Verdict.WAITING : Verdict.IDLE, digits.toString(), used,
                Optional.empty(), wrong);
    }

    /** The inter-digit timeout: what is buffered is the whole code. */
    static Result timedOut(String buffered, Keychains keys, int attempts, int attemptsAllowed) {
        if (buffered.isEmpty()) {
            return new Result(Verdict.IDLE, "", attempts, Optional.empty(), 0);
        }
        return keyed(buffered, "#", keys, attempts, attemptsAllowed);
    }

    /** {@code call_operator_after}: -1 never; otherwise that many wrong codes end the call (at least one). */
    static boolean exhausted(int used, int allowed) {
        return allowed >= 0 && used >= Math.max(1, allowed);
    }

    private CodeEntry() {
    }
}
