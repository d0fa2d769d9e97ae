package fi.hyte.platform.security;

import fi.hyte.platform.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives controllers the current {@link Tenant} as a method argument. */
@Configuration
class TenantArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final Tenancy tenancy;

    TenantArgumentResolver(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Tenant.class.equals(parameter.getParameterType());
    }

    @Override
    public Tenant resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return tenancy.current(request.getNativeRequest(HttpServletRequest.class))
                .orElseThrow(NoOrganisationException::new);
    }
}
