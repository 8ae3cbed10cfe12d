package dev.opsledger.platform.web;

import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * A JSON value is read as the type it is: {@code true} or {@code 42} is no text, {@code "12"} no
 * number, {@code 1.5} no integer, {@code 1} or {@code "yes"} no boolean. Each is a 400 naming the
 * field, as any other wrong type. Spring's mapper coerces some of them by default, and a coerced
 * value passes every check of its field: a backup target was once registered with the database
 * name {@code "true"} (found by the e2e bad-input test).
 */
public final class StrictJsonScalars implements JsonMapperBuilderCustomizer {

    private static final List<CoercionInputShape> SCALARS =
            List.of(CoercionInputShape.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String);

    @Override
    public void customize(JsonMapper.Builder builder) {
        refuse(builder, LogicalType.Textual, CoercionInputShape.String);
        refuse(builder, LogicalType.Integer, CoercionInputShape.Integer);
        refuse(builder, LogicalType.Float, CoercionInputShape.Float, CoercionInputShape.Integer);
        refuse(builder, LogicalType.Boolean, CoercionInputShape.Boolean);
    }

    /** Refuses every scalar shape but the ones the type is written as. */
    private static void refuse(JsonMapper.Builder builder, LogicalType type, CoercionInputShape... own) {
        List<CoercionInputShape> allowed = List.of(own);
        builder.withCoercionConfig(type, config -> SCALARS.stream()
                .filter(shape -> !allowed.contains(shape))
                .forEach(shape -> config.setCoercion(shape, CoercionAction.Fail)));
    }
}
