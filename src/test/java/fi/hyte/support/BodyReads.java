package fi.hyte.support;

import java.lang.reflect.Type;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/** Counts request bodies that reached a controller's {@code @RequestBody}, so a test can show none was parsed. */
@ControllerAdvice
public class BodyReads extends RequestBodyAdviceAdapter {

    private final AtomicInteger count = new AtomicInteger();

    public int count() {
        return count.get();
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        count.incrementAndGet();
        return input;
    }
}
