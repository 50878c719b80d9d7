package org.conference.common.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the values a dotted path reaches in a JSON-like document, the way MongoDB's query engine does: an array met
 * before the last segment is crossed into each of its objects (its other elements lead nowhere), an array at the end
 * contributes each element, and a missing key, or a scalar where the path wants an object, contributes
 * {@link Marker#MISSING}. An empty array contributes {@link Marker#EMPTY_ARRAY}, which matches nothing but sorts
 * below null.
 */
final class DocumentPaths {

    enum Marker { MISSING, EMPTY_ARRAY }

    private static final Pattern DOT = Pattern.compile("\\.");

    private final String[] segments;

    DocumentPaths(String path) {
        this.segments = DOT.split(path);
    }

    List<Object> values(Map<String, ?> document) {
        List<Object> out = new ArrayList<>(2);
        fromObject(document, 0, out);
        return out;
    }

    private void fromObject(Map<?, ?> object, int index, List<Object> out) {
        String key = segments[index];
        if (!object.containsKey(key)) {
            out.add(Marker.MISSING);
            return;
        }
        Object value = object.get(key);
        if (index == segments.length - 1) {
            last(value, out);
        } else {
            crossing(value, index + 1, out);
        }
    }

    private void crossing(Object value, int index, List<Object> out) {
        if (value instanceof Map<?, ?> object) {
            fromObject(object, index, out);
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.add(Marker.EMPTY_ARRAY);
            }
            for (Object element : list) {
                if (element instanceof Map<?, ?> object) {
                    fromObject(object, index, out);
                }
            }
        } else {
            out.add(Marker.MISSING);
        }
    }

    private static void last(Object value, List<Object> out) {
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.add(Marker.EMPTY_ARRAY);
            }
            out.addAll(list);
        } else {
            out.add(value);
        }
    }
}
