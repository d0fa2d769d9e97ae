package fi.hyte.platform.security;

import java.util.Map;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A user's sessions on every node (they live in PostgreSQL): after a password change the others end,
 * and after an administrator's reset all of them, so a stolen session does not outlive the password.
 */
@Component
class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends the user's sessions except {@code keep} (null: all of them); how many ended. */
    int endOthers(String username, String keep) {
        Map<String, ? extends Session> found = sessions.findByPrincipalName(username);
        int ended = 0;
        for (String id : found.keySet()) {
            if (!id.equals(keep)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}
