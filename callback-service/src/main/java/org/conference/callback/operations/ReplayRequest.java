package org.conference.callback.operations;

/** {@code POST /callbacks/deliveries/replay}: every delivery that ended as {@code status} at or after {@code since}. */
record ReplayRequest(String status, Long since) {
}
