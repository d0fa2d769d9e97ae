package fi.hyte.platform.identity;

import fi.hyte.platform.LocalizedText;
import fi.hyte.platform.OrganisationDirectory;
import fi.hyte.platform.OrganisationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The providers offered on the sign-in page: the organisations' own, then the one in the environment. */
@Component
public class SignInChoices {

    private final SignInProviders providers;
    private final ProviderRegistrations registrations;
    private final OrganisationDirectory directory;

    SignInChoices(SignInProviders providers, ProviderRegistrations registrations, OrganisationDirectory directory) {
        this.providers = providers;
        this.registrations = registrations;
        this.directory = directory;
    }

    public List<Choice> offered(Locale locale) {
        List<SignInProvider> enabled = providers.enabled();
        Map<OrganisationId, LocalizedText> names = directory.namesOf(
                enabled.stream().map(SignInProvider::organisation).distinct().toList());
        List<Choice> choices = new ArrayList<>();
        for (SignInProvider p : enabled) {
            LocalizedText organisation = names.get(p.organisation());
            choices.add(new Choice(
                    ProviderRedirects.BASE_URI + "/" + p.registrationId(),
                    organisation == null ? p.name() : organisation.in(locale) + " – " + p.name()));
        }
        registrations
                .configured()
                .forEach(r -> choices.add(
                        new Choice(ProviderRedirects.BASE_URI + "/" + r.getRegistrationId(), r.getClientName())));
        return choices;
    }

    /** A provider's sign-in link and its label. */
    public record Choice(String path, String label) {}
}
