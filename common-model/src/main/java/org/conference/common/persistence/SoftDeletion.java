package org.conference.common.persistence;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The condition every read of live documents carries: a deleted document keeps its place in the collection, flagged
 * {@value #DELETED}, until whatever must still see it (a tombstone on Kafka, a delivery) is done with it.
 */
public final class SoftDeletion {

    /** The stored flag; {@code false} on every live document, never absent. */
    public static final String DELETED = "deleted";

    /** Live documents. */
    public static Criteria live() {
        return Criteria.where(DELETED).is(false);
    }

    /** {@code criteria} narrowed to live documents (the condition joins the criteria's own chain). */
    public static Criteria live(Criteria criteria) {
        return criteria.and(DELETED).is(false);
    }

    /** The query for the live documents that match {@code criteria}. */
    public static Query liveWhere(Criteria criteria) {
        return Query.query(live(criteria));
    }

    private SoftDeletion() {
    }
}
