package fi.hyte.platform.web;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.RecordComponent;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Form records are built through their constructor, and one value that cannot be converted (a
 * tampered choice, letters in a number field) would leave no form at all to show again. For form
 * records, unconvertible ids, numbers, dates, yes/no values and choices become empty, so validation
 * answers with a clear message and the form keeps the rest of the user's input.
 */
@ControllerAdvice
class LenientFormBinding {

    @InitBinder
    void lenient(WebDataBinder binder) {
        ResolvableType target = binder.getTargetType();
        Class<?> type = target == null ? null : target.resolve();
        if (type == null || !type.isRecord()) {
            return;
        }
        binder.registerCustomEditor(UUID.class, editor(UUID::fromString));
        binder.registerCustomEditor(Integer.class, editor(Integer::valueOf));
        binder.registerCustomEditor(Boolean.class, editor(LenientFormBinding::yesNo));
        binder.registerCustomEditor(LocalDate.class, editor(LenientFormBinding::date));
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> componentType = component.getType();
            if (componentType.isEnum()) {
                binder.registerCustomEditor(componentType, editor(text -> enumValue(componentType, text)));
            }
        }
    }

    /** A date as the date picker sends it (2025-03-01) or as a Finn types it (1.3.2025). */
    static LocalDate date(String text) {
        if (text.contains(".")) {
            return LocalDate.parse(text, FINNISH_DATE);
        }
        return LocalDate.parse(text);
    }

    private static final java.time.format.DateTimeFormatter FINNISH_DATE = java.time.format.DateTimeFormatter.ofPattern(
                    "d.M.uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private static Boolean yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> Boolean.TRUE;
            default -> Boolean.FALSE;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String text) {
        return Enum.valueOf((Class) type, text);
    }

    private static PropertyEditorSupport editor(Function<String, Object> parse) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text == null || text.isBlank()) {
                    setValue(null);
                    return;
                }
                try {
                    setValue(parse.apply(text.strip()));
                } catch (IllegalArgumentException | DateTimeException e) {
                    setValue(null);
                }
            }
        };
    }
}
