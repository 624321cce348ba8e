package dev.respite.kotlin

import dev.respite.command.RedisCodec

/** Keys as UTF-8 text, values as the bytes the server holds: what [getAs] reads before decoding. */
internal object TextKeysByteValues : RedisCodec<String, ByteArray> {
  override fun encodeKey(key: String): ByteArray = key.encodeToByteArray()

  override fun decodeKey(bytes: ByteArray): String = bytes.decodeToString()

  override fun encodeValue(value: ByteArray): ByteArray = value

  override fun decodeValue(bytes: ByteArray): ByteArray = bytes
}
