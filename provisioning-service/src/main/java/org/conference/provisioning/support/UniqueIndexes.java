package org.conference.provisioning.support;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bson.BsonDocument;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;

/**
 * The unique indexes the rules rely on, by name, and which of them a duplicate-key failure violated. The names are
 * the ones MongoDB gives a single-field ascending index, so databases made before they were named keep working.
 */
public final class UniqueIndexes {

    public static final String LOGIN = "login_1";
    public static final String NORMALIZED_LOGIN = "normalizedLogin_1";
    public static final String AUTHENTICATION_TOKEN = "authenticationToken_1";
    public static final String MEETING_NUMBER = "meetingNumber_1";
    public static final String ACCESS_KEYS = "accessKeys_1";
    public static final String PHONE_NUMBER = "phoneNumber_1";

    private static final int DUPLICATE_KEY = 11000;
    /** The server's E11000 error names the index ("... index: meetingNumber_1 dup key: ..."). */
    private static final Pattern INDEX_IN_ERROR = Pattern.compile("index: (\\S+) dup key");

    private UniqueIndexes() {
    }

    /**
     * The index a duplicate-key failure names: from the error's {@code keyPattern} where the server reports it (MongoDB
     * does), else from the index named in the E11000 error itself (the embedded test server reports only that).
     */
    public static Optional<String> violated(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoWriteException write
                    && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return fromKeyPattern(write.getError().getDetails())
                        .or(() -> fromError(write.getError().getMessage()));
            }
            if (cause instanceof MongoCommandException command && command.getErrorCode() == DUPLICATE_KEY) {
                return fromKeyPattern(command.getResponse()).or(() -> fromError(command.getErrorMessage()));
            }
        }
        return Optional.empty();
    }

    public static boolean isViolated(Throwable failure, String index) {
        return violated(failure).filter(index::equals).isPresent();
    }

    private static Optional<String> fromKeyPattern(BsonDocument details) {
        if (details == null || !details.isDocument("keyPattern")) {
            return Optional.empty();
        }
        BsonDocument pattern = details.getDocument("keyPattern");
        return pattern.isEmpty() ? Optional.empty() : Optional.of(pattern.entrySet().stream()
                .map(e -> e.getKey() + "_" + e.getValue().asNumber().intValue())
                .collect(Collectors.joining("_")));
    }

    private static Optional<String> fromError(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher matcher = INDEX_IN_ERROR.matcher(message);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
