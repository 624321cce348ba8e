package dev.respite.impl.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a command's argument list when its length depends on options. Not for the hot path.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class Args<K, V> {
  private final TypedCodec<K, V> codec;
  private final List<Object> items = new ArrayList<>();

  Args(TypedCodec<K, V> codec) {
    this.codec = codec;
  }

  Args<K, V> add(Object arg) {
    items.add(Objects.requireNonNull(arg, "argument"));
    return this;
  }

  Args<K, V> add(long arg) {
    items.add(arg);
    return this;
  }

  Args<K, V> add(double arg) {
    items.add(arg);
    return this;
  }

  Args<K, V> all(String[] texts) {
    for (String text : texts) {
      add(text);
    }
    return this;
  }

  Args<K, V> key(K key) {
    items.add(codec.key(key));
    return this;
  }

  Args<K, V> value(V value) {
    items.add(codec.value(value));
    return this;
  }

  Args<K, V> keys(Collection<? extends K> keys) {
    for (K key : keys) {
      key(key);
    }
    return this;
  }

  Args<K, V> keys(K[] keys) {
    for (K key : keys) {
      key(key);
    }
    return this;
  }

  Args<K, V> values(V[] values) {
    for (V value : values) {
      value(value);
    }
    return this;
  }

  Args<K, V> values(Collection<? extends V> values) {
    for (V value : values) {
      value(value);
    }
    return this;
  }

  Args<K, V> entries(Map<K, V> entries) {
    entries.forEach((k, v) -> key(k).value(v));
    return this;
  }

  Object[] array() {
    return items.toArray();
  }

  /** Checks that a variadic command got at least one element. */
  static <E> E[] nonEmpty(String command, E[] elements) {
    if (elements.length == 0) {
      throw new IllegalArgumentException(command + " needs at least one argument");
    }
    for (E element : elements) {
      Objects.requireNonNull(element, command + " argument");
    }
    return elements;
  }

  static <C extends Collection<?>> C nonEmpty(String command, C elements) {
    if (elements.isEmpty()) {
      throw new IllegalArgumentException(command + " needs at least one argument");
    }
    return elements;
  }

  static <M extends Map<?, ?>> M nonEmpty(String command, M entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(command + " needs at least one entry");
    }
    return entries;
  }
}
