package org.conference.media.files;

import java.nio.charset.StandardCharsets;

import org.conference.common.api.ApiException;

/**
 * A file's name is the client's base name and nothing else: a name that could climb or cross directories (path
 * separators, {@code .} and {@code ..}), that carries control characters, or that takes more than 255 bytes in UTF-8
 * is refused with 422 and never written, rather than cleaned up into something the client did not choose.
 */
final class FileNames {

    static final int MAX_BYTES = 255;

    static String require(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.validation("file", "the file part must carry a file name");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw ApiException.validation("name", "a file name may not contain path separators (/ or \\)");
        }
        if (name.equals(".") || name.contains("..")) {
            throw ApiException.validation("name", "a file name may not contain '..' or be '.'");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiException.validation("name", "a file name may not contain control characters");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.validation("name", "a file name may take at most " + MAX_BYTES + " bytes in UTF-8");
        }
        return name;
    }

    private FileNames() {
    }
}
