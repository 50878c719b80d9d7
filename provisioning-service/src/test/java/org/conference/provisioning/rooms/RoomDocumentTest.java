package org.conference.provisioning.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.conference.common.events.DidGroupReference;
import org.conference.common.events.MeetingKey;
import org.conference.provisioning.support.Owner;
import org.junit.jupiter.api.Test;

/** What a room's next versions carry: tombstones of old numbers, access keys, the released codes of a deleted room. */
class RoomDocumentTest {

    private final RoomDocument room = RoomDocument.first(7, 273751, new Owner("owner", List.of("root", "owner")), 1L)
            .withDidGroups(3, List.of(new DidGroupReference(3, 0), new DidGroupReference(5, 0)))
            .withKeychain(List.of(new MeetingKey(11, "1111", 1), new MeetingKey(12, "2222", 2)));

    @Test
    void answersToEachAccessCodeInEachOfItsDidGroups() {
        assertThat(room.accessKeys()).containsExactly("room:7", "3:1111", "3:2222", "5:1111", "5:2222");
        assertThat(room.withKeychain(List.of()).accessKeys()).containsExactly("room:7");
    }

    @Test
    void aRenumberedRoomTombstonesItsOldNumberUntilPublished() {
        RoomDocument renumbered = room.withMeetingNumber(555_666).nextVersion();
        RoomDocument renumberedAgain = renumbered.withMeetingNumber(777_888).withDescription("later").nextVersion();

        assertThat(renumbered.outbox().tombstones()).containsExactly("273751");
        assertThat(renumberedAgain.outbox().tombstones()).containsExactly("273751", "555666");
        assertThat(renumberedAgain.outbox().pending()).isTrue();
        assertThat(renumberedAgain.version()).isEqualTo(3);
        assertThat(room.withMeetingNumber(273751).nextVersion().outbox().tombstones()).isEmpty();
    }

    @Test
    void aDeletedRoomReleasesItsAccessCodes() {
        RoomDocument deleted = room.deletedVersion();

        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.version()).isEqualTo(2);
        assertThat(deleted.keychain()).isEmpty();
        assertThat(deleted.accessKeys()).containsExactly("room:7");
        assertThat(deleted.outbox().pending()).isTrue();
    }

    @Test
    void changesStayInTheVersionReadUntilTheNextVersionIsTaken() {
        RoomDocument described = room.withDescription("planning");

        assertThat(described.version()).isEqualTo(room.version());
        assertThat(described.withDescription(null).description()).isEmpty();
        assertThat(described.nextVersion().version()).isEqualTo(room.version() + 1);
    }
}
