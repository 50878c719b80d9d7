package org.conference.provisioning.rooms;

import java.util.List;
import java.util.Map;

import org.conference.common.identity.Identity;
import org.conference.common.query.FieldSelection;
import org.conference.common.query.InMemoryQueries;
import org.conference.common.query.ListQuery;
import org.conference.common.query.ResourceSchema;
import org.conference.provisioning.rooms.RoomRequests.MeetingKeyChanges;
import org.conference.provisioning.rooms.RoomRequests.MeetingKeyRequest;
import org.conference.provisioning.rooms.RoomView.KeyView;
import org.conference.provisioning.support.ApiPaths;
import org.conference.provisioning.support.ApiViews;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * Meeting keys. The list is a bare JSON array, as the reference documents it, still paged, filtered and
 * field-filtered (in memory: a keychain lives inside its room). POST and PUT answers carry {@code meetingRoomId}.
 */
@RestController
@RequestMapping(ApiPaths.BASE + "/subscribers/{sid}/meetingRooms/{meetingNumber}/keychain")
class KeychainController {

    static final ResourceSchema SCHEMA = ResourceSchema.builder()
            .integer("id").id()
            .string("accessCode")
            .integer("role")
            .build();

    private final KeychainService keychain;
    private final ApiViews views;

    KeychainController(KeychainService keychain, ApiViews views) {
        this.keychain = keychain;
        this.views = views;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChangedKeyView(String accessCode, long id, long meetingRoomId, int role) {
        static ChangedKeyView of(KeychainService.KeyChange change) {
            return new ChangedKeyView(change.key().accessCode(), change.key().id(), change.meetingRoomId(),
                    change.key().role());
        }
    }

    @PostMapping
    Mono<ChangedKeyView> create(Identity caller, @PathVariable String sid, @PathVariable long meetingNumber,
            @Valid @RequestBody MeetingKeyRequest body) {
        return keychain.add(caller, sid, meetingNumber, body).map(ChangedKeyView::of);
    }

    @GetMapping
    Mono<List<Map<String, Object>>> list(Identity caller, @PathVariable String sid, @PathVariable long meetingNumber,
            @RequestParam MultiValueMap<String, String> params) {
        ListQuery query = ListQuery.from(params, SCHEMA);
        return keychain.keychain(caller, sid, meetingNumber).map(keys -> {
            var page = InMemoryQueries.apply(query, keys,
                    key -> Map.of("id", key.id(), "accessCode", key.accessCode(), "role", key.role()));
            return views.list("keychain", page, KeyView::of, query.fields()).items();
        });
    }

    @GetMapping("/{keyId}")
    Mono<Map<String, Object>> get(Identity caller, @PathVariable String sid, @PathVariable long meetingNumber,
            @PathVariable long keyId, @RequestParam MultiValueMap<String, String> params) {
        return keychain.key(caller, sid, meetingNumber, keyId)
                .map(key -> views.object(KeyView.of(key), FieldSelection.from(params)));
    }

    @PutMapping("/{keyId}")
    Mono<ChangedKeyView> update(Identity caller, @PathVariable String sid, @PathVariable long meetingNumber,
            @PathVariable long keyId, @Valid @RequestBody MeetingKeyChanges body) {
        return keychain.update(caller, sid, meetingNumber, keyId, body).map(ChangedKeyView::of);
    }

    @DeleteMapping("/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(Identity caller, @PathVariable String sid, @PathVariable long meetingNumber,
            @PathVariable long keyId) {
        return keychain.remove(caller, sid, meetingNumber, keyId);
    }
}
