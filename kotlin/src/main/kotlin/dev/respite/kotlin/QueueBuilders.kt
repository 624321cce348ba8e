package dev.respite.kotlin

import dev.respite.command.Pipeline
import dev.respite.command.RedisOperations
import dev.respite.command.Transaction

/**
 * Queues commands on a pipeline with [block], sends them in one write, reads every reply, and returns what
 * [block] returned: typically the [Response][dev.respite.command.Response]s it queued, now filled.
 *
 * ```kotlin
 * val (hits, name) = session.pipeline { queue { it.incr("hits") } to queue { it.get("name") } }
 * hits.get() // Long
 * ```
 *
 * An error reply fails only its own response (`get()` throws it). If [block] throws, what it queued is
 * still sent (so that no reply is left on the connection) and the exception propagates.
 *
 * @throws dev.respite.RedisConnectionException if the connection failed
 */
public fun <K : Any, V : Any, R> RedisOperations<K, V>.pipeline(block: Pipeline<K, V>.() -> R): R =
  pipeline().use { pipeline ->
    val result = pipeline.block()
    pipeline.sync()
    result
  }

/**
 * A `MULTI`/`EXEC` transaction: queues commands with [block], sends them, and returns what [block]
 * returned (typically the responses it queued, now filled), or null if the server aborted the transaction
 * because a key this session `WATCH`ed changed. (The Java `transaction(Consumer)` member keeps the name
 * `transaction`; Kotlin resolves a lambda to it first, so this builder is named after the command.)
 *
 * ```kotlin
 * val counter = session.multi { queueVoid { it.set("a", "1") }; queue { it.incr("a") } }!!.get() // 2
 * ```
 *
 * If [block] throws, nothing is sent, watched keys are released and the exception propagates.
 *
 * @throws dev.respite.RedisServerException if the server refused a queued command (`EXECABORT`); nothing ran
 */
public fun <K : Any, V : Any, R> RedisOperations<K, V>.multi(block: Transaction<K, V>.() -> R): R? =
  multi().use { transaction ->
    val result = transaction.block()
    if (transaction.exec()) result else null
  }

/**
 * Optimistic locking, the `WATCH`/`MULTI`/`EXEC` retry loop: watches [keys], runs [block] (which reads
 * through the session and queues writes on the transaction it receives), and executes the transaction;
 * when a watched key changed meanwhile, runs [block] again, up to [maxAttempts] times. Returns what
 * [block] returned in the attempt that committed.
 *
 * ```kotlin
 * val balance = session.watch("account") {
 *   val now = session.get("account")!!.toLong()
 *   queueVoid { it.set("account", (now - 10).toString()) }
 *   now - 10
 * }
 * ```
 *
 * @throws dev.respite.RedisException if every attempt was aborted by a concurrent change
 * @throws IllegalArgumentException if [maxAttempts] is below 1 or no key is given
 */
public fun <K : Any, V : Any, R> RedisOperations<K, V>.watch(
  vararg keys: K,
  maxAttempts: Int = DEFAULT_WATCH_ATTEMPTS,
  block: Transaction<K, V>.() -> R,
): R = optimistic(maxAttempts, keys.toList()) { transaction -> transaction.block() }

/** How many times [watch] runs its block before giving up, unless told otherwise. */
public const val DEFAULT_WATCH_ATTEMPTS: Int = 10
