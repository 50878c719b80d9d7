package org.conference.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Reads of live documents pass over the deleted ones that are still stored. */
class SoftDeletionTest {

    @RegisterExtension
    final TestMongo mongo = new TestMongo();

    @Test
    void liveReadsPassOverDeletedDocuments() {
        mongo.insert(Parcel.first("kept", "same label"));
        mongo.insert(Parcel.first("removed", "same label").deletedVersion());

        assertThat(mongo.template.find(Query.query(SoftDeletion.live()), Parcel.class, mongo.collection)
                .map(Parcel::id).collectList().block()).containsExactly("kept");
        assertThat(mongo.template.find(SoftDeletion.liveWhere(Criteria.where("label").is("same label")),
                Parcel.class, mongo.collection).map(Parcel::id).collectList().block()).containsExactly("kept");
        assertThat(mongo.template.count(Query.query(Criteria.where("label").is("same label")), mongo.collection)
                .block()).isEqualTo(2);
    }
}
