package dev.respite.command;

import dev.respite.Reply;
import java.util.List;

/**
 * Lua scripts and functions. Their replies can have any shape, so they come back as a {@link Reply}.
 * To run a script by its SHA1 with a fallback to its source, use {@link RedisOperations#eval(Script, List,
 * List)}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ScriptingCommands<K, V> {

  /** Sends {@code EVAL script numkeys key... arg...}. */
  Reply eval(String script, List<K> keys, List<V> args);

  /**
   * Sends {@code EVALSHA sha1 numkeys key... arg...}.
   *
   * @throws dev.respite.RedisServerException with code {@code NOSCRIPT} if the server does not know it
   */
  Reply evalSha(String sha1, List<K> keys, List<V> args);

  /** Sends {@code EVAL_RO script numkeys key... arg...}: a read-only script, allowed on replicas. */
  Reply evalReadOnly(String script, List<K> keys, List<V> args);

  /** Sends {@code EVALSHA_RO sha1 numkeys key... arg...}. */
  Reply evalShaReadOnly(String sha1, List<K> keys, List<V> args);

  /** Sends {@code SCRIPT LOAD script}; returns its SHA1. */
  String scriptLoad(String script);

  /** Sends {@code SCRIPT EXISTS sha1...}: for each, whether the server knows it. */
  List<Boolean> scriptExists(String... sha1s);

  /** Sends {@code SCRIPT FLUSH}: forgets every script. */
  void scriptFlush();

  /** Sends {@code FCALL function numkeys key... arg...}. */
  Reply fcall(String function, List<K> keys, List<V> args);

  /** Sends {@code FCALL_RO function numkeys key... arg...}. */
  Reply fcallReadOnly(String function, List<K> keys, List<V> args);

  /** Sends {@code FUNCTION LOAD code}, or {@code FUNCTION LOAD REPLACE code}; returns the library name. */
  String functionLoad(String code, boolean replace);

  /** Sends {@code FUNCTION DELETE library}. */
  void functionDelete(String library);

  /** Sends {@code FUNCTION FLUSH}. */
  void functionFlush();

  /** Sends {@code SCRIPT FLUSH ASYNC|SYNC}. */
  void scriptFlush(FlushMode mode);

  /**
   * Sends {@code SCRIPT KILL}: stops the script running now, if it has not written.
   *
   * @throws dev.respite.RedisServerException with code {@code NOTBUSY} if no script is running
   */
  void scriptKill();
}
