package dev.respite.kotlin

import dev.respite.command.RedisOperations
import dev.respite.command.SetOptions
import kotlinx.serialization.SerialFormat
import kotlinx.serialization.json.Json
import kotlinx.serialization.serializer

/**
 * Sends `GET key` and decodes the value as a [T] written in [format] (JSON unless given); null if the key
 * does not exist. `session.getAs<User>("user:1")`.
 *
 * @throws kotlinx.serialization.SerializationException if the value is not a [T] in that format
 * @throws dev.respite.RedisServerException with code `WRONGTYPE` if the key holds another type
 */
public inline fun <reified T : Any> RedisOperations<String, String>.getAs(key: String, format: SerialFormat = Json): T? =
  getAs(key, SerializedCodec(serializer<T>(), format))

/**
 * Reads the bytes through the driver and decodes them here, so that a value of the wrong shape fails with
 * the codec's exception while the connection, whose reply was read whole, stays in the pool.
 */
@PublishedApi
internal fun <T : Any> RedisOperations<String, String>.getAs(key: String, codec: SerializedCodec<T>): T? =
  withCodec(TextKeysByteValues).get(key)?.let(codec::decodeValue)

/**
 * Sends `SET key value` with [value] written in [format] (JSON unless given).
 * `session.setAs("user:1", user)`.
 */
public inline fun <reified T : Any> RedisOperations<String, String>.setAs(
  key: String,
  value: T,
  format: SerialFormat = Json,
) {
  withCodec(SerializedCodec(serializer<T>(), format)).set(key, value)
}

/**
 * Sends `SET key value` with [options] (expiry, `NX`/`XX`), [value] written in [format] (JSON unless
 * given); returns whether the value was set (false when `NX`/`XX` prevented it).
 */
public inline fun <reified T : Any> RedisOperations<String, String>.setAs(
  key: String,
  value: T,
  options: SetOptions,
  format: SerialFormat = Json,
): Boolean = withCodec(SerializedCodec(serializer<T>(), format)).set(key, value, options)
