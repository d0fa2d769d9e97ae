package fi.hyte.search.web;

import fi.hyte.platform.Tenant;
import fi.hyte.search.OrganisationSearch;
import fi.hyte.search.OrganisationSearch.Kind;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation's search page; the same address answers htmx with the results alone. */
@Controller
class SearchController {

    private final OrganisationSearch search;

    SearchController(OrganisationSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(
            Tenant tenant,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String kind,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        String words = q.length() > 200 ? q.substring(0, 200) : q;
        // An unknown kind is no limit: the search looks through everything.
        Kind chosen = Arrays.stream(Kind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst()
                .orElse(null);
        model.addAttribute("q", words.strip());
        model.addAttribute("kind", chosen);
        model.addAttribute("kinds", Kind.values());
        model.addAttribute(
                "results", search.search(tenant.organisation(), new OrganisationSearch.Query(words, chosen)));
        return htmx != null ? "search/search :: results" : "search/search";
    }
}
