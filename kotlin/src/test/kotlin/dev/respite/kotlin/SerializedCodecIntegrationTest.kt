package dev.respite.kotlin

import dev.respite.RedisServerException
import dev.respite.command.SetOptions
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.test.runTest
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.SerializationException
import kotlinx.serialization.cbor.Cbor
import kotlinx.serialization.json.Json
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test

@Serializable
data class Address(val street: String, val city: String, val zip: String? = null)

@Serializable
data class User(
  val id: Long,
  val name: String,
  val email: String?,
  val address: Address?,
  val tags: List<String> = emptyList(),
  val scores: Map<String, Double> = emptyMap(),
  val lastEvent: Event? = null,
)

@Serializable
sealed interface Event {
  @Serializable
  @SerialName("login")
  data class Login(val at: Long, val from: String) : Event

  @Serializable
  @SerialName("purchase")
  data class Purchase(val items: List<Item>, val total: Double) : Event

  @Serializable
  @SerialName("logout")
  data object Logout : Event
}

@Serializable
data class Item(val sku: String, val quantity: Int)

class SerializedCodecIntegrationTest : RedisServerTest() {

  companion object {
    val ada = User(
      id = 1, name = "Ada", email = null,
      address = Address("12 Analytical Row", "London"),
      tags = listOf("admin", "math"), scores = mapOf("chess" to 1.5),
      lastEvent = Event.Purchase(listOf(Item("engine", 1), Item("card", 40)), 99.5),
    )
    val events = listOf(Event.Login(1_700_000_000, "127.0.1.1"), Event.Purchase(emptyList(), 0.0), Event.Logout)
  }

  @Test
  fun `JSON and CBOR codecs round-trip nested data classes with null fields`() {
    for (codec in listOf(SerializedCodec.json<User>(), SerializedCodec.cbor<User>())) {
      val noAddress = ada.copy(address = null, email = "ada@example.org", lastEvent = null)
      assertThat(codec.decodeValue(codec.encodeValue(ada))).describedAs("%s", codec).isEqualTo(ada)
      assertThat(codec.decodeValue(codec.encodeValue(noAddress))).describedAs("%s", codec).isEqualTo(noAddress)
    }
  }

  @Test
  fun `a sealed hierarchy round-trips through its base type in JSON and CBOR`() {
    for (codec in listOf(SerializedCodec.json<Event>(), SerializedCodec.cbor<Event>())) {
      for (event in events) {
        assertThat(codec.decodeValue(codec.encodeValue(event))).describedAs("%s", codec).isEqualTo(event)
      }
    }
    val json = SerializedCodec.json<Event>().encodeValue(Event.Logout).decodeToString()
    assertThat(json).isEqualTo("""{"type":"logout"}""")
  }

  @Test
  fun `JSON values are stored as UTF-8 text readable by any client`() = runTest(timeout = 30.seconds) {
    redis.withSession { setAs("user:1", ada.copy(name = "Åda", lastEvent = null, tags = emptyList(), scores = emptyMap())) }

    val stored = fixture.raw { call("GET", "user:1") }
    assertThat(stored).isEqualTo(
      """{"id":1,"name":"Åda","email":null,"address":{"street":"12 Analytical Row","city":"London"}}""")
  }

  @Test
  fun `getAs and setAs round-trip through the server in JSON and CBOR`() = runTest(timeout = 30.seconds) {
    val (json, cbor, missing) = redis.withSession {
      setAs("user:json", ada)
      setAs("user:cbor", ada, Cbor)
      Triple(getAs<User>("user:json"), getAs<User>("user:cbor", Cbor), getAs<User>("user:none"))
    }
    assertThat(json).isEqualTo(ada)
    assertThat(cbor).isEqualTo(ada)
    assertThat(missing).isNull()
  }

  @Test
  fun `setAs with options honours NX and the expiry`() = runTest(timeout = 30.seconds) {
    val (first, second, ttl) = redis.withSession {
      val options = SetOptions.ex(java.time.Duration.ofSeconds(100)).nx()
      Triple(setAs("event", events[0], options), setAs("event", events[1], options), ttl("event"))
    }
    assertThat(first).isTrue()
    assertThat(second).isFalse()
    assertThat(ttl).isBetween(1L, 100L)
    assertThat(redis.withSession { getAs<Event>("event") }).isEqualTo(events[0])
  }

  @Test
  fun `a codec view types every command of the session, hashes included`() = runTest(timeout = 30.seconds) {
    val users = redis.withSession {
      val typed = withCodec(SerializedCodec.json<User>(Json { encodeDefaults = false }))
      typed.hset("users", "ada", ada)
      typed.hset("users", "bob", User(2, "Bob", null, null))
      typed.hgetAll("users")
    }
    assertThat(users).containsOnlyKeys("ada", "bob")
    assertThat(users["ada"]).isEqualTo(ada)
    assertThat(users["bob"]!!.name).isEqualTo("Bob")
  }

  @Test
  fun `a value that is not the expected type fails naming the type and format`() = runTest(timeout = 30.seconds) {
    redis.withSession { set("user:bad", "not json") }

    assertThatThrownBy { kotlinx.coroutines.runBlocking { redis.withSession { getAs<User>("user:bad") } } }
      .isInstanceOf(SerializationException::class.java)
      .hasMessageContaining("dev.respite.kotlin.User")
      .hasMessageContaining("JSON")
    assertThat(redis.poolStats().idle()).describedAs("getAs keeps the connection").isEqualTo(1)
  }

  @Test
  fun `a codec view reports a value of the wrong shape with the codec's exception as cause and keeps the connection`() =
    runTest(timeout = 30.seconds) {
      val failure = runCatching {
        redis.withSession { set("user:bad", "not json"); withCodec(SerializedCodec.json<User>()).get("user:bad") }
      }.exceptionOrNull()
      assertThat(failure).hasRootCauseInstanceOf(SerializationException::class.java)
      assertThat(failure).hasStackTraceContaining("not a valid dev.respite.kotlin.User in JSON")
      assertThat(redis.poolStats().idle()).describedAs("the reply was read whole: the connection stays").isEqualTo(1)
    }

  @Test
  fun `a key of another type keeps the server's WRONGTYPE code`() = runTest(timeout = 30.seconds) {
    val failure = runCatching { redis.withSession { sadd("set", "x"); getAs<User>("set") } }.exceptionOrNull()
    assertThat(failure).isInstanceOfSatisfying(RedisServerException::class.java) {
      assertThat(it.code()).isEqualTo("WRONGTYPE")
    }
  }

  @Test
  fun `a format that is neither text nor binary is rejected`() {
    val notAFormat = object : kotlinx.serialization.SerialFormat {
      override val serializersModule = kotlinx.serialization.modules.EmptySerializersModule()
    }
    assertThatThrownBy { SerializedCodec(User.serializer(), notAFormat) }
      .isInstanceOf(IllegalArgumentException::class.java)
      .hasMessageContaining("StringFormat or a BinaryFormat")
  }
}
