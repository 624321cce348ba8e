package dev.respite.command;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One function of a library, as {@code FUNCTION LIST} describes it.
 *
 * @param name the function's name, as {@code FCALL} takes it
 * @param description its description, or null
 * @param flags its flags ({@code no-writes}, {@code allow-stale}...)
 */
public record FunctionInfo(String name, @Nullable String description, Set<String> flags) {}
