package org.conference.meeting.directory;

import java.util.List;
import java.util.Optional;

/**
 * The access codes of every room reachable through one DID group (codes are unique per group), to match the digits
 * a caller keyed in against (ARCHITECTURE.md §6).
 */
public record Keychains(List<Key> keys) {

    /** One code: the room it opens and the role it grants (1 host, 2 participant, 3 listener). */
    public record Key(long meetingNumber, String accessCode, int role) {
    }

    /**
     * What {@code digits} say: {@code exact} names the key they complete, {@code prefixOfLonger} tells that some
     * code goes on from them. A complete code that no other code continues opens its room at once; otherwise the
     * caller may go on keying.
     */
    public record Match(Optional<Key> exact, boolean prefixOfLonger) {

        public boolean opens() {
            return exact.isPresent() && !prefixOfLonger;
        }

        public boolean hopeless() {
            return exact.isEmpty() && !prefixOfLonger;
        }
    }

    public Keychains {
        keys = List.copyOf(keys);
    }

    public Match match(String digits) {
        Optional<Key> exact = keys.stream().filter(key -> key.accessCode().equals(digits)).findFirst();
        boolean longer = keys.stream()
                .anyMatch(key -> key.accessCode().length() > digits.length() && key.accessCode().startsWith(digits));
        return new Match(exact, longer);
    }
}
