package dev.ankiconnect.packages;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.Params;
import dev.ankiconnect.api.ReadOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * importPackage and exportPackage. Paths are inside the package directory ({@code packageDir});
 * remote clients use the HTTP endpoints of {@link PackageServlet} instead.
 */
@ApplicationScoped
public class PackageActions implements ActionGroup {

    @Inject
    Packages packages;

    /** exportPackage {deck, path, includeSched=false}: true when written, false when there is no such deck. */
    @ReadOnly
    @Action(
            value = {"deck", "path"},
            optional = {"includeSched"})
    public boolean exportPackage(Params p) {
        return packages.exportTo(p.string("deck"), p.string("path"), p.bool("includeSched", false));
    }

    /** importPackage {path}: merges the package into the active profile; true, or an error and nothing imported. */
    @Action("path")
    public boolean importPackage(Params p) {
        packages.importFrom(p.string("path"));
        return true;
    }
}
