package dev.respite.command;

import dev.respite.Reply;
import java.util.List;
import java.util.Map;

/**
 * Managing the server's function libraries (Redis 7+). Loading and calling functions are in
 * {@link ScriptingCommands}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface FunctionCommands<K, V> {

  /** Sends {@code FUNCTION LIST}: every library and its functions. */
  List<FunctionLibrary> functionList();

  /**
   * Sends {@code FUNCTION LIST LIBRARYNAME pattern [WITHCODE]}: the libraries whose names match the glob
   * {@code pattern}, with their source if {@code withCode}.
   */
  List<FunctionLibrary> functionList(String libraryPattern, boolean withCode);

  /** Sends {@code FUNCTION DUMP}: every library, serialized for {@link #functionRestore}. */
  byte[] functionDump();

  /** Sends {@code FUNCTION RESTORE payload APPEND|REPLACE|FLUSH}. */
  void functionRestore(byte[] payload, FunctionRestorePolicy policy);

  /** Sends {@code FUNCTION FLUSH ASYNC|SYNC}: deletes every library. */
  void functionFlush(FlushMode mode);

  /**
   * Sends {@code FUNCTION KILL}: stops the function running now, if it has not written.
   *
   * @throws dev.respite.RedisServerException with code {@code NOTBUSY} if no function is running
   */
  void functionKill();

  /**
   * Sends {@code FUNCTION STATS}: {@code running_script} (null when idle) and {@code engines} (the libraries
   * and functions of each engine).
   */
  Map<String, Reply> functionStats();
}
