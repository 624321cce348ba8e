package dev.respite.it.modes;

import dev.respite.command.RedisCommands;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code String} rows run on a {@code byte[]} view: a proxy that turns every argument declared as a key
 * or value ({@code K}, {@code V}, their arrays, lists and maps) into UTF-8 bytes, calls the same method on
 * the binary view, and hands back the reply with bytes turned into text again. Any other argument that
 * mentions {@code K} or {@code V} (a {@code ZRange<V>}, a {@code GeoSearch<V>}) is refused: such rows stay
 * on the {@code String} view.
 */
final class BinaryView {
  private BinaryView() {}

  /** Whether every parameter of {@code method} can be translated. */
  static boolean canTranslate(Method method) {
    for (Type type : method.getGenericParameterTypes()) {
      if (mentionsKeyOrValue(type) && !isTranslatable(type)) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  static RedisCommands<String, String> asStrings(RedisCommands<byte[], byte[]> binary) {
    return (RedisCommands<String, String>) Proxy.newProxyInstance(RedisCommands.class.getClassLoader(),
        new Class<?>[] {RedisCommands.class}, (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(binary, args);
          }
          if (!canTranslate(method)) {
            throw new IllegalArgumentException("the binary view cannot translate " + CalledMethod.signature(method));
          }
          Type[] types = method.getGenericParameterTypes();
          Object[] translated = new Object[types.length];
          for (int i = 0; i < types.length; i++) {
            translated[i] = mentionsKeyOrValue(types[i]) ? toBytes(args[i]) : args[i];
          }
          try {
            return Normalised.of(method.invoke(binary, translated));
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static boolean isTranslatable(Type type) {
    if (type instanceof TypeVariable<?>) {
      return true;
    }
    if (type instanceof GenericArrayType array) {
      return array.getGenericComponentType() instanceof TypeVariable<?>;
    }
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      return (raw == List.class || raw == Map.class)
          && List.of(parameterized.getActualTypeArguments()).stream().allMatch(t -> t instanceof TypeVariable<?>);
    }
    return false;
  }

  private static boolean mentionsKeyOrValue(Type type) {
    return type.getTypeName().matches(".*\\b[KV]\\b.*");
  }

  private static @Nullable Object toBytes(@Nullable Object arg) {
    if (arg == null) {
      return null;
    }
    if (arg instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    if (arg instanceof String[] texts) {
      byte[][] bytes = new byte[texts.length][];
      for (int i = 0; i < texts.length; i++) {
        bytes[i] = (byte[]) toBytes(texts[i]);
      }
      return bytes;
    }
    if (arg instanceof List<?> list) {
      List<@Nullable Object> bytes = new ArrayList<>();
      list.forEach(e -> bytes.add(toBytes(e)));
      return bytes;
    }
    if (arg instanceof Map<?, ?> map) {
      Map<@Nullable Object, @Nullable Object> bytes = new LinkedHashMap<>();
      map.forEach((k, v) -> bytes.put(toBytes(k), toBytes(v)));
      return bytes;
    }
    throw new IllegalArgumentException("no byte form for " + arg.getClass().getName());
  }
}
