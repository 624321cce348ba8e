package dev.respite.kotlin

import dev.respite.RedisDataSource
import dev.respite.RedisSession
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.InternalCoroutinesApi
import kotlinx.coroutines.isActive
import kotlinx.coroutines.job
import kotlinx.coroutines.withContext

/**
 * Borrows a session, runs [block] with it as receiver, and closes it whatever happens: a result, an
 * exception or a cancellation. The driver's calls block, so the block runs on [RedisDispatchers.sessions]
 * (virtual threads where the JDK has them), never on the caller's dispatcher; its result comes back to the
 * caller's.
 *
 * ```kotlin
 * val name: String? = redis.withSession { set("user:1:name", "Ada"); get("user:1:name") }
 * ```
 *
 * Cancellation while a command waits for its reply (a `BLPOP`, a slow server) interrupts the thread: the
 * socket is closed, the connection destroyed rather than returned, so its late reply never reaches another
 * session, and the caller sees a [CancellationException]. Cancellation while the block is suspended leaves
 * the connection intact (it is returned to the pool); a block that goes on sending commands after the
 * cancellation without suspending finds them failed, as they were interrupted. Use the session only from
 * the block's own coroutine, one command at a time, as with any session.
 *
 * @throws dev.respite.RedisPoolExhaustedException if no connection is free within `poolMaxWait`
 * @throws dev.respite.RedisException as the block's commands throw it
 */
public suspend fun <T> RedisDataSource.withSession(block: suspend RedisSession.() -> T): T =
  runSession(RedisDispatchers.sessions, null, block)

/**
 * As [withSession], with a session on [database] (`SELECT`ed only if the connection is elsewhere).
 *
 * @throws IllegalArgumentException if [database] is negative
 */
public suspend fun <T> RedisDataSource.withSession(database: Int, block: suspend RedisSession.() -> T): T {
  require(database >= 0) { "database must not be negative, got $database" }
  return runSession(RedisDispatchers.sessions, database, block)
}

/** [withSession] on a chosen dispatcher: the timing run compares them. */
@OptIn(InternalCoroutinesApi::class)
internal suspend fun <T> RedisDataSource.runSession(
  dispatcher: CoroutineDispatcher,
  database: Int?,
  block: suspend RedisSession.() -> T,
): T {
  val interrupter = CommandInterrupter()
  return withContext(dispatcher + interrupter) {
    // onCancelling: the handler must run as soon as cancellation starts, while the command still blocks,
    // not when the coroutine completes (which waits for that command).
    val handle = coroutineContext.job.invokeOnCompletion(onCancelling = true, invokeImmediately = true) {
      interrupter.interrupt()
    }
    var session: RedisSession? = null
    try {
      session = if (database == null) openSession() else openSession(database)
      session.block()
    } catch (e: Throwable) {
      // A command interrupted by the cancellation fails with a connection error: report the cancellation.
      if (!isActive && e !is CancellationException) throw CancellationException("Redis session cancelled", e)
      throw e
    } finally {
      handle.dispose()
      interrupter.disarm()
      session?.close() // never throws; destroys the connection if a command failed on it
    }
  }
}
