package fi.hyte.platform.security;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.NavigationItem;
import fi.hyte.platform.OrganisationDirectory;
import fi.hyte.platform.OrganisationId;
import fi.hyte.platform.Role;
import fi.hyte.platform.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame shows: the user, the organisation switcher and the navigation. */
@ControllerAdvice
class LayoutAdvice {

    private final Tenancy tenancy;
    private final Users users;
    private final OrganisationDirectory directory;
    private final List<NavigationItem> navigation;

    LayoutAdvice(Tenancy tenancy, Users users, OrganisationDirectory directory, List<NavigationItem> navigation) {
        this.tenancy = tenancy;
        this.users = users;
        this.directory = directory;
        this.navigation = navigation.stream()
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
    }

    @ModelAttribute("frame")
    Frame frame(HttpServletRequest request, Locale locale) {
        Optional<HyteUser> user = Tenancy.signedIn();
        if (user.isEmpty()) {
            return null;
        }
        Optional<Tenant> tenant = tenancy.current(request);
        List<OrganisationId> ids = users.organisationsOf(user.get().id());
        Map<OrganisationId, LocalizedText> names = directory.namesOf(ids);
        List<Choice> choices = ids.stream()
                .map(id -> new Choice(id.value().toString(), nameOf(names.get(id), locale)))
                .toList();
        Role role = tenant.map(Tenant::role).orElse(null);
        List<NavigationItem> visible = role == null
                ? List.of()
                : navigation.stream()
                        .filter(item -> role.includes(item.minimumRole()))
                        .toList();
        return new Frame(
                user.get().displayName(),
                tenant.map(t -> t.organisation().value().toString()).orElse(null),
                tenant.map(t -> nameOf(names.get(t.organisation()), locale)).orElse(null),
                role,
                choices,
                visible,
                user.get().operator(),
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static String nameOf(LocalizedText name, Locale locale) {
        return name == null ? "" : name.in(locale);
    }

    /** The page frame's data. */
    record Frame(
            String userName,
            String organisationId,
            String organisationName,
            Role role,
            List<Choice> organisations,
            List<NavigationItem> navigation,
            boolean operator,
            String path) {

        public boolean isCurrent(NavigationItem item) {
            return isCurrent(item, null);
        }

        /** As above, for a page that belongs to another item than its address says ({@code navPath}). */
        public boolean isCurrent(NavigationItem item, String navPath) {
            String shown = navPath != null ? navPath : path;
            return item.path().equals("/") ? shown.equals("/") : shown.startsWith(item.path());
        }
    }

    /** An organisation the user can switch to. */
    record Choice(String id, String name) {}
}
