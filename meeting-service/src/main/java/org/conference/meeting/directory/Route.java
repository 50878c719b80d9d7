package org.conference.meeting.directory;

import java.util.List;
import java.util.Map;

import org.conference.common.attributes.CallFlow;
import org.conference.common.events.AttributeSetting;

/**
 * Where a dialled number leads: its DID, DID group and call flow, and the rooms reachable through that group.
 * {@code didAttributes} are the values in force at the DID (call flow, DID group, DID) — what governs a caller before
 * a room is known, such as {@code call_operator_after}.
 */
public record Route(long didId, long didGroupId, String didGroupOwnerSid, List<String> didGroupOwnerLineage,
        CallFlow callFlow, List<AttributeSetting> didGroupAttributes, List<AttributeSetting> didAttributes,
        Map<String, String> valuesInForceAtDid, List<Long> reachableRooms) {
}
