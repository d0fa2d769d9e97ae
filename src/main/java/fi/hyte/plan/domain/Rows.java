package fi.hyte.plan.domain;

import fi.hyte.platform.LocalizedText;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reading and writing the plan tables' shared column kinds: texts in two languages and uuid arrays. */
final class Rows {

    private Rows() {}

    static LocalizedText text(ResultSet rs, String column) throws SQLException {
        return LocalizedText.of(rs.getString(column + "_fi"), rs.getString(column + "_sv"));
    }

    static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    /** A uuid array as PostgreSQL's text form, for {@code cast(? as uuid[])}. */
    static String uuidArray(Collection<UUID> ids) {
        return ids == null
                ? "{}"
                : "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    static String textArray(Collection<? extends Enum<?>> values) {
        return values == null
                ? "{}"
                : "{" + String.join(",", values.stream().map(Enum::name).toList()) + "}";
    }

    static String fi(LocalizedText text) {
        return text == null ? null : text.fi();
    }

    static String sv(LocalizedText text) {
        return text == null ? null : text.sv();
    }
}
