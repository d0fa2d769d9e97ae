package fi.hyte.platform.security;

import fi.hyte.platform.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives controllers the current {@link Tenant} as a method argument, on pages and in the API alike. */
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
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        return tenancy.current(http)
                .orElseThrow(() -> isApi(http)
                        // Answered by the API's filter chain: 401 in JSON, asking for a token.
                        ? new AuthenticationCredentialsNotFoundException("An API token is required")
                        : new NoOrganisationException());
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
