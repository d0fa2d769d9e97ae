package fi.hyte.platform.format;

import java.time.ZoneId;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Gives every template {@code #fmt}: the reader's {@link Formats}, so no template calls a module's bean to format. */
@Component
class FormatDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "fmt";

    private final ZoneId zone;

    FormatDialect(@Value("${hyte.time-zone}") String zone) {
        super("Hyte formats");
        this.zone = ZoneId.of(zone);
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? new Formats(context.getLocale(), zone) : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
