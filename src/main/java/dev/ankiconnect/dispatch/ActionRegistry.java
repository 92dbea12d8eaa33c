package dev.ankiconnect.dispatch;

import dev.ankiconnect.api.Action;
import dev.ankiconnect.api.ActionGroup;
import dev.ankiconnect.api.Params;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every action, found once at start-up on the {@link ActionGroup} beans. Two methods with the
 * same action name fail the deployment. {@code apiReflect} and "unsupported action" read this.
 */
@ApplicationScoped
public class ActionRegistry {

    @Inject
    BeanManager beans;

    private Map<String, ActionMethod> actions;

    @PostConstruct
    void build() {
        Map<String, ActionMethod> found = new TreeMap<>();
        for (Bean<?> bean : beans.getBeans(ActionGroup.class, Any.Literal.INSTANCE)) {
            Object reference = beans.getReference(bean, ActionGroup.class, beans.createCreationalContext(bean));
            for (ActionMethod m : scan(bean.getBeanClass(), reference)) {
                ActionMethod previous = found.putIfAbsent(m.name(), m);
                if (previous != null) {
                    throw new DefinitionException("action '" + m.name() + "' is defined twice: on "
                            + previous.method().getDeclaringClass().getName() + " and on "
                            + m.method().getDeclaringClass().getName());
                }
            }
        }
        actions = Collections.unmodifiableMap(found);
    }

    /** The {@link Action} methods of one class, validated; used at start-up and by tests. */
    public static List<ActionMethod> scan(Class<?> type, Object reference) {
        List<ActionMethod> out = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            Action a = method.getAnnotation(Action.class);
            if (a == null) {
                continue;
            }
            boolean paramsArg = method.getParameterCount() == 1 && method.getParameterTypes()[0] == Params.class;
            if (!Modifier.isPublic(method.getModifiers()) || !(method.getParameterCount() == 0 || paramsArg)) {
                throw new DefinitionException("@Action method " + type.getName() + "." + method.getName()
                        + " must be public and take no argument or one Params");
            }
            if (method.getParameterCount() == 0 && (a.value().length > 0 || a.optional().length > 0)) {
                throw new DefinitionException(
                        "@Action method " + method.getName() + " declares parameters but takes no Params");
            }
            Set<String> accepted = new LinkedHashSet<>(Arrays.asList(a.value()));
            accepted.addAll(Arrays.asList(a.optional()));
            out.add(new ActionMethod(method.getName(), List.of(a.value()), Set.copyOf(accepted), reference, method));
        }
        return out;
    }

    public Optional<ActionMethod> find(String name) {
        return Optional.ofNullable(actions.get(name));
    }

    /** All action names in code-point order, as Python's sorted() gives them. */
    public List<String> names() {
        return List.copyOf(actions.keySet());
    }

    public boolean contains(String name) {
        return actions.containsKey(name);
    }
}
