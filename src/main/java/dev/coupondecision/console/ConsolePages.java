package dev.coupondecision.console;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/** The layout every console page shares: who is logged in, with which roles, and the anti-forgery token. */
@ApplicationScoped
class ConsolePages {
    private final SecurityIdentity identity;
    private final ConsoleCsrf csrf;

    ConsolePages(SecurityIdentity identity, ConsoleCsrf csrf) {
        this.identity = identity;
        this.csrf = csrf;
    }

    TemplateInstance page(Template template) {
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("user", user());
        layout.put("approver", identity.hasRole("approver"));
        layout.put("analyst", identity.hasRole("analyst"));
        layout.put("csrf", csrf.token());
        layout.put("csrfHeader", ConsoleCsrf.HEADER);
        return template.data("layout", layout);
    }

    String user() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }
}
