package dev.ankiconnect.dispatch;

import dev.ankiconnect.api.ApiErrors;
import dev.ankiconnect.api.InvalidInputException;
import dev.ankiconnect.api.ReadOnly;
import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One registered action: its name, its Python-style signature and the bean method that runs it.
 *
 * @param bean the contextual reference (a CDI proxy), so interceptors and scopes apply
 */
public record ActionMethod(String name, List<String> required, Set<String> accepted, Object bean, Method method) {

    /** Python's binding rules: an unknown keyword fails first, then missing required arguments. */
    public void checkBinding(JsonObject params) {
        for (String key : params.keySet()) {
            if (!accepted.contains(key)) {
                throw new InvalidInputException(ApiErrors.unexpectedKeyword(name, key));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String r : required) {
            if (!params.containsKey(r)) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(ApiErrors.missingArguments(name, missing));
        }
    }

    /** True for actions marked {@link ReadOnly}. */
    public boolean readOnly() {
        return method.isAnnotationPresent(ReadOnly.class);
    }

    boolean takesParams() {
        return method.getParameterCount() == 1;
    }
}
