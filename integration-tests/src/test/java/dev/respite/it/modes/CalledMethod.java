package dev.respite.it.modes;

import dev.respite.command.RedisCommands;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which {@link RedisCommands} method a row's call invokes, found by running the call on a proxy that only
 * records: so rows need no hand-written signature, and the table's coverage is checked by reflection.
 */
final class CalledMethod {
  private CalledMethod() {}

  /** Every public abstract method of {@link RedisCommands} and its super-interfaces, as signatures. */
  static Set<String> allCommands() {
    return Arrays.stream(RedisCommands.class.getMethods())
        .filter(m -> Modifier.isAbstract(m.getModifiers()) && !m.isDefault() && !Modifier.isStatic(m.getModifiers()))
        .map(CalledMethod::signature)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The one method {@code call} invokes; fails unless it invokes exactly one. */
  static Method of(Function<RedisCommands<String, String>, @Nullable Object> call) {
    List<Method> called = new ArrayList<>();
    @SuppressWarnings("unchecked")
    RedisCommands<String, String> recorder = (RedisCommands<String, String>) Proxy.newProxyInstance(
        RedisCommands.class.getClassLoader(), new Class<?>[] {RedisCommands.class},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            throw new IllegalStateException("a row must call a command, not " + method.getName());
          }
          called.add(method);
          return zeroOf(method.getReturnType());
        });
    call.apply(recorder);
    if (called.size() != 1) {
      throw new IllegalStateException("a row must call exactly one command, it called " + called);
    }
    return called.get(0);
  }

  /** {@code name(K,long,ExpireCondition)}: generic parameter types without packages, varargs as {@code ...}. */
  static String signature(Method method) {
    Type[] types = method.getGenericParameterTypes();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      String name = types[i].getTypeName().replaceAll("[a-z][a-z0-9_]*\\.", "").replace(" ", "");
      if (method.isVarArgs() && i == types.length - 1) {
        name = name.substring(0, name.length() - 2) + "...";
      }
      names.add(name);
    }
    return method.getName() + "(" + String.join(",", names) + ")";
  }

  private static @Nullable Object zeroOf(Class<?> type) {
    if (!type.isPrimitive() || type == void.class) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == double.class) {
      return 0.0;
    }
    if (type == int.class) {
      return 0;
    }
    return 0L;
  }
}
