package fi.hyte.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.hyte.organisation.OrganisationCatalog;
import fi.hyte.participation.domain.PublicSite;
import fi.hyte.participation.domain.PublicSites;
import fi.hyte.support.HyteSpringTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A consultation's published comments are shown 50 to a page, each page its own address with
 * plain links to the next and previous (no JavaScript), each kept and tagged on its own.
 */
@HyteSpringTest
class ConsultationCommentPagesTests {

    static final Pattern ITEM = Pattern.compile("<ul class=\"public-comments\">(.*?)</ul>", Pattern.DOTALL);

    @LocalServerPort
    int port;

    @Autowired
    PublicSites sites;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemosSixtyCommentsAreShownFiftyToAPageWithLinksBetweenThePages() {
        UUID closed = jdbc.sql("select id from consultation where organisation_id = ? and concluded_at is not null")
                .param(OrganisationCatalog.DEMO_MUNICIPALITY.value())
                .query(UUID.class)
                .single();
        PublicSite site = sites.of(OrganisationCatalog.DEMO_MUNICIPALITY).orElseThrow();
        PublicHttp web = new PublicHttp(port);
        String address = "/o/" + site.slug() + "/fi/consultations/" + closed;

        HttpResponse<String> first = web.get(address);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(comments(first.body())).isEqualTo(50);
        assertThat(first.body())
                .contains("Kommentit 1–50, yhteensä 60")
                .contains("href=\"" + address + "?page=2\" rel=\"next\"")
                .doesNotContain("rel=\"prev\"");
        assertThat(first.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> second = web.get(address + "?page=2");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(comments(second.body())).isEqualTo(10);
        assertThat(second.body())
                .contains("Kommentit 51–60, yhteensä 60")
                .contains("href=\"" + address + "\" rel=\"prev\"")
                .doesNotContain("rel=\"next\"");
        assertThat(web.get(address + "?page=2").body()).isEqualTo(second.body());
        assertThat(web.get(address + "?page=1").body()).isEqualTo(first.body());

        HttpResponse<String> sv = web.get(address.replace("/fi/", "/sv/") + "?page=2");
        assertThat(sv.body()).contains("Kommentarer 51–60 av 60");

        assertThat(web.get(address + "?page=3").statusCode()).isEqualTo(404);
        assertThat(web.get(address + "?page=0").statusCode()).isEqualTo(404);
        assertThat(web.get(address + "?page=kaksi").statusCode()).isEqualTo(404);
    }

    private static int comments(String body) {
        int n = 0;
        Matcher lists = ITEM.matcher(body);
        while (lists.find()) {
            n += lists.group(1).split("<li>", -1).length - 1;
        }
        return n;
    }
}
