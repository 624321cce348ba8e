package dev.respite.it

import dev.respite.RedisDataSource
import dev.respite.RedisServerException
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.extension.RegisterExtension
import kotlin.reflect.KType
import kotlin.reflect.typeOf

/** The driver as a Kotlin service would use it: `use {}` blocks and nullable replies. */
class KotlinUsageTest {
    companion object {
        @JvmField
        @RegisterExtension
        val redis: RedisServerExtension = RedisServerExtension.create()
    }

    @Test
    fun `use blocks return the connection and missing keys are null`() {
        val seen = RedisDataSource.create(redis.url()).use { ds ->
            ds.openSession(2).use { s ->
                s.set("greeting", "hello")
                val missing: String? = s.get("missing")
                assertThat(missing).isNull()
                val length: Int = s.get("greeting")?.length ?: -1
                assertThat(length).isEqualTo(5)
                s.get("greeting")
            }.also { assertThat(ds.poolStats().active()).isZero() }
        }
        assertThat(seen).isEqualTo("hello")
    }

    @Test
    fun `JSpecify annotations reach Kotlin as nullable and non-null types`() {
        RedisDataSource.create(redis.url()).use { ds ->
            ds.openSession().use { s ->
                assertThat(staticType(s.get("missing")).isMarkedNullable).isTrue()
                assertThat(staticType(s.get("missing".toByteArray())).isMarkedNullable).isTrue()
                assertThat(staticType(s.execute("GET", "missing").asString()).isMarkedNullable).isTrue()
                assertThat(staticType(s.ping()).isMarkedNullable).isFalse()
                assertThat(staticType(ds.config().password()).isMarkedNullable).isTrue()
            }
        }
    }

    @Test
    fun `server errors keep their code`() {
        RedisDataSource.create(redis.url()).use { ds ->
            ds.openSession().use { s ->
                s.execute("LPUSH", "list", "x")
                val error = assertThrows<RedisServerException> { s.get("list") }
                assertThat(error.code()).isEqualTo("WRONGTYPE")
                val bytes: ByteArray? = s.get("missing".toByteArray())
                assertThat(bytes).isNull()
            }
        }
    }
}

/** The type the compiler inferred for [value]: proves what Kotlin sees, not what the value happens to be. */
private inline fun <reified T> staticType(@Suppress("UNUSED_PARAMETER") value: T): KType = typeOf<T>()
