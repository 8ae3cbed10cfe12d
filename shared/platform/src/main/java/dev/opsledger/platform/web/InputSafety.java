package dev.opsledger.platform.web;

import dev.opsledger.platform.error.FieldError;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What no OpsLedger input may hold, whatever the endpoint, checked once for every request body
 * ({@link SafeRequestBodyAdvice}) and every query parameter ({@link RequestInputFilter}):
 *
 * <ul>
 *   <li>NUL and the other control characters but tab, line feed and carriage return, bidirectional
 *       overrides, noncharacters and lone surrogates ({@link #hasControlCharacter}): PostgreSQL
 *       refuses NUL in {@code text}, the others forge log lines or show text other than is stored;</li>
 *   <li>a null element in a list ({@code [null]});</li>
 *   <li>durations that are negative or longer than {@link #LONGEST} (100 years): added to the
 *       clock, a huge one overflows, and once stored in a rule it would break every later
 *       command that reads the rule.</li>
 * </ul>
 *
 * Bodies are records (STYLE: messages are small records), walked through their components,
 * lists and maps, so the error names the field as the client wrote it ({@code environments[2].window}).
 */
public final class InputSafety {

    public static final Duration LONGEST = Duration.ofDays(36_500);
    static final String CONTROL_CHARACTER = "must not contain control, bidirectional or non-characters";
    static final String NULL_ELEMENT = "must not be null";
    static final String DURATION_RANGE = "must be a duration between 0 and 100 years";
    private static final int MAX_DEPTH = 16;

    private InputSafety() {
    }

    /** The first unsafe value in {@code body}, by its JSON path. */
    public static Optional<FieldError> firstViolation(Object body) {
        List<FieldError> found = new ArrayList<>(1);
        walk(body, "", 0, found);
        return found.stream().findFirst();
    }

    /**
     * Whether the text holds a character no name, reason or id needs and that can harm a reader:
     * C0 and C1 controls but tab, line feed and carriage return (NUL, ESC, NEL…), the line and
     * paragraph separators, bidirectional overrides and isolates (text that reads other than it
     * is stored), noncharacters, and a lone surrogate (not text at all; PostgreSQL stores a
     * replacement, so what is read back differs from what was accepted).
     */
    public static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = text.codePointAt(i);
                if ((codePoint & 0xFFFE) == 0xFFFE) {
                    return true;
                }
                i++;
                continue;
            }
            if (isUnsafe(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnsafe(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || (c >= 0x7f && c <= 0x9f)
                || c == 0x2028 || c == 0x2029
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || (c >= 0xfdd0 && c <= 0xfdef) || c == 0xfffe || c == 0xffff
                || Character.isSurrogate(c);
    }

    private static void walk(Object value, String path, int depth, List<FieldError> found) {
        if (value == null || !found.isEmpty() || depth > MAX_DEPTH) {
            return;
        }
        switch (value) {
            case String text -> {
                if (hasControlCharacter(text)) {
                    found.add(new FieldError(name(path), CONTROL_CHARACTER));
                }
            }
            case Duration duration -> {
                if (duration.isNegative() || duration.compareTo(LONGEST) > 0) {
                    found.add(new FieldError(name(path), DURATION_RANGE));
                }
            }
            case Collection<?> items -> {
                int index = 0;
                for (Object item : items) {
                    String itemPath = path + "[" + index++ + "]";
                    if (item == null) {
                        // A list's null element is no value of the list's type; code that copies the
                        // list (List.copyOf) would fail on it with a 500.
                        found.add(new FieldError(itemPath, NULL_ELEMENT));
                        return;
                    }
                    walk(item, itemPath, depth + 1, found);
                }
            }
            case Map<?, ?> entries -> entries.forEach((key, item) -> {
                walk(key, path, depth + 1, found);
                walk(item, path.isEmpty() ? String.valueOf(key) : path + "." + key, depth + 1, found);
            });
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    walk(read(component, record), path.isEmpty() ? component.getName() : path + "." + component.getName(),
                            depth + 1, found);
                }
            }
            default -> {
                // Numbers, booleans, enums, instants: Jackson and bean validation have bounded them.
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return null;
        }
    }

    private static String name(String path) {
        return path.isEmpty() ? "body" : path;
    }
}
