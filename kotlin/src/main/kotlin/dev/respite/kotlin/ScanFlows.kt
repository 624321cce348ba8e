package dev.respite.kotlin

import dev.respite.command.RedisOperations
import dev.respite.command.ScanOptions
import dev.respite.command.ScoredValue
import java.util.stream.Stream
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

/**
 * The keys of the database (`SCAN`), as a cold [Flow] that sends the next `SCAN` only when the collector
 * wants more keys; stop collecting to stop scanning. A key may come twice if the keyspace changes meanwhile.
 *
 * The flow calls the session on the collector's thread: collect it inside [withSession], and do not use
 * the session from another coroutine while it runs (no `flowOn`, which would make that happen).
 */
public fun <K : Any, V : Any> RedisOperations<K, V>.scanFlow(options: ScanOptions = ScanOptions.none()): Flow<K> =
  streamFlow { scan(options) }

/** The fields and values of the hash at [key] (`HSCAN`), as [scanFlow] does for keys. */
public fun <K : Any, V : Any> RedisOperations<K, V>.hscanFlow(
  key: K,
  options: ScanOptions = ScanOptions.none(),
): Flow<Map.Entry<K, V>> = streamFlow { hscan(key, options) }

/** The members of the set at [key] (`SSCAN`), as [scanFlow] does for keys. */
public fun <K : Any, V : Any> RedisOperations<K, V>.sscanFlow(
  key: K,
  options: ScanOptions = ScanOptions.none(),
): Flow<V> = streamFlow { sscan(key, options) }

/** The members of the sorted set at [key] with their scores (`ZSCAN`), as [scanFlow] does for keys. */
public fun <K : Any, V : Any> RedisOperations<K, V>.zscanFlow(
  key: K,
  options: ScanOptions = ScanOptions.none(),
): Flow<ScoredValue<V>> = streamFlow { zscan(key, options) }

/** Emits a lazy stream's elements as they are pulled, opening the stream on each collection. */
private fun <T : Any> streamFlow(open: () -> Stream<T>): Flow<T> = flow {
  open().use { stream ->
    val elements = stream.iterator()
    while (elements.hasNext()) emit(elements.next())
  }
}
