package dev.respite.command;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One library, as {@code FUNCTION LIST} describes it.
 *
 * @param name the library's name
 * @param engine its engine ({@code LUA})
 * @param functions its functions
 * @param code its source, or null unless {@code WITHCODE} was asked for
 */
public record FunctionLibrary(String name, String engine, List<FunctionInfo> functions, @Nullable String code) {}
