package org.conference.meeting.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.conference.meeting.calls.CodeEntry.Result;
import org.conference.meeting.calls.CodeEntry.Verdict;
import org.conference.meeting.directory.Keychains;
import org.conference.meeting.directory.Keychains.Key;
import org.junit.jupiter.api.Test;

/** Collecting access codes as ARCHITECTURE.md §6 says, digit by digit or as a whole string. */
class CodeEntryTest {

    private final Keychains keys = new Keychains(List.of(new Key(100, "111", 1), new Key(100, "222", 2),
            new Key(200, "2224", 3), new Key(300, "9", 2)));

    @Test
    void aWholeStringAndOneDigitAtATimeGiveTheSameRoom() {
        Result whole = CodeEntry.keyed("", "111", keys, 0, 3);
        Result first = CodeEntry.keyed("", "1", keys, 0, 3);
        Result second = CodeEntry.keyed(first.digits(), "1", keys, 0, 3);
        Result third = CodeEntry.keyed(second.digits(), "1", keys, 0, 3);

        assertThat(whole.verdict()).isEqualTo(Verdict.OPENED);
        assertThat(whole.opened()).contains(new Key(100, "111", 1));
        assertThat(first.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(second.verdict()).isEqualTo(Verdict.WAITING);
        assertThat(third.opened()).isEqualTo(whole.opened());
    }

    @Test
    void aCodeThatStartsALongerOneWaitsForHashOrTheTimeout() {
        Result ambiguous = CodeEntry.keyed("", "222", keys, 0, 3);
        assertThat(ambiguous.verdict()).isEqualTo(Verdict.WAITING);

        assertThat(CodeEntry.keyed(ambiguous.digits(), "#", keys, 0, 3).opened()).contains(new Key(100, "222", 2));
        assertThat(CodeEntry.timedOut(ambiguous.digits(), keys, 0, 3).opened()).contains(new Key(100, "222", 2));
        assertThat(CodeEntry.keyed(ambiguous.digits(), "4", keys, 0, 3).opened()).contains(new Key(200, "2224", 3));
    }

    @Test
    void aWrongCodeCountsAnAttemptAndTheCallerMayTryAgain() {
        Result wrong = CodeEntry.keyed("", "5", keys, 0, 3);
        assertThat(wrong.verdict()).isEqualTo(Verdict.IDLE);
        assertThat(wrong.attempts()).isEqualTo(1);
        assertThat(wrong.wrongCodes()).isEqualTo(1);

        Result retry = CodeEntry.keyed("", "59", keys, 0, 3);
        assertThat(retry.opened()).contains(new Key(300, "9", 2));
        assertThat(retry.attempts()).isEqualTo(1);
    }

    @Test
    void hashEndsAnIncompleteCodeAsAWrongOne() {
        Result result = CodeEntry.keyed("", "11#", keys, 0, 3);
        assertThat(result.verdict()).isEqualTo(Verdict.IDLE);
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void callOperatorAfterWrongCodesHangsUpUnlessUnlimited() {
        assertThat(CodeEntry.keyed("", "555", keys, 0, 3).verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(CodeEntry.keyed("", "5", keys, 2, 3).verdict()).isEqualTo(Verdict.REFUSED);
        Result unlimited = CodeEntry.keyed("", "55555555", keys, 0, -1);
        assertThat(unlimited.verdict()).isEqualTo(Verdict.IDLE);
        assertThat(unlimited.attempts()).isEqualTo(8);
    }

    @Test
    void aTimeoutWithNothingKeyedChangesNothing() {
        Result idle = CodeEntry.timedOut("", keys, 1, 3);
        assertThat(idle.verdict()).isEqualTo(Verdict.IDLE);
        assertThat(idle.attempts()).isEqualTo(1);
    }
}
