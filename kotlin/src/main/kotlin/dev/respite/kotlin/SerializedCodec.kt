package dev.respite.kotlin

import dev.respite.command.RedisCodec
import kotlinx.serialization.BinaryFormat
import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerialFormat
import kotlinx.serialization.SerializationException
import kotlinx.serialization.StringFormat
import kotlinx.serialization.cbor.Cbor
import kotlinx.serialization.json.Json
import kotlinx.serialization.serializer

/**
 * A [RedisCodec] whose keys are UTF-8 text and whose values are any `@Serializable` type, written with a
 * kotlinx.serialization [format]: JSON ([Json], UTF-8 text, readable with `redis-cli`), or a binary format
 * such as [Cbor] (smaller, faster to parse). Sealed hierarchies, nested and nullable properties are
 * written as the format and [serializer] define them. Thread-safe.
 *
 * ```kotlin
 * val users = session.withCodec(SerializedCodec.json<User>())
 * users.set("user:1", User("Ada"))
 * val ada: User? = users.get("user:1")
 * ```
 *
 * [getAs] and [setAs] do the same for one call.
 *
 * @param T the value type
 * @throws IllegalArgumentException if [format] is neither a [StringFormat] nor a [BinaryFormat]
 */
public class SerializedCodec<T : Any>(
  private val serializer: KSerializer<T>,
  private val format: SerialFormat,
) : RedisCodec<String, T> {

  init {
    require(format is StringFormat || format is BinaryFormat) {
      "format must be a StringFormat or a BinaryFormat, got ${format::class.qualifiedName}"
    }
  }

  /** The key as UTF-8 bytes. */
  override fun encodeKey(key: String): ByteArray = key.encodeToByteArray()

  /** The key read as UTF-8. */
  override fun decodeKey(bytes: ByteArray): String = bytes.decodeToString()

  /** The value written with [format]: UTF-8 text for a [StringFormat], bytes for a [BinaryFormat]. */
  override fun encodeValue(value: T): ByteArray = when (format) {
    is BinaryFormat -> format.encodeToByteArray(serializer, value)
    else -> (format as StringFormat).encodeToString(serializer, value).encodeToByteArray()
  }

  /**
   * The value read with [format].
   *
   * @throws SerializationException naming the type and format if [bytes] are not such a value
   */
  override fun decodeValue(bytes: ByteArray): T = try {
    when (format) {
      is BinaryFormat -> format.decodeFromByteArray(serializer, bytes)
      else -> (format as StringFormat).decodeFromString(serializer, bytes.decodeToString())
    }
  } catch (e: SerializationException) {
    throw SerializationException(
      "A Redis value is not a valid ${serializer.descriptor.serialName} in ${formatName()}: ${e.message}", e)
  }

  /** Names the type and the format, e.g. `SerializedCodec(com.example.User, JSON)`. */
  override fun toString(): String = "SerializedCodec(${serializer.descriptor.serialName}, ${formatName()})"

  private fun formatName(): String = when (format) {
    is Json -> "JSON"
    is Cbor -> "CBOR"
    else -> format::class.qualifiedName ?: "its format"
  }

  /** Factories with the serializer inferred from the type argument. */
  public companion object {

    /** A codec for [T] as JSON text, with [json]'s settings (the default [Json] unless given). */
    public inline fun <reified T : Any> json(json: Json = Json): SerializedCodec<T> =
      SerializedCodec(serializer<T>(), json)

    /** A codec for [T] as CBOR bytes, with [cbor]'s settings (the default [Cbor] unless given). */
    public inline fun <reified T : Any> cbor(cbor: Cbor = Cbor): SerializedCodec<T> =
      SerializedCodec(serializer<T>(), cbor)
  }
}
