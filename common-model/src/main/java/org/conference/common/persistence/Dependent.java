package org.conference.common.persistence;

/**
 * Something that points at a document and so keeps it from being deleted, as a client is told about it: what it is
 * ({@code "meeting room"}) and its id ({@code "273751"}).
 */
public record Dependent(String what, String id) {
}
