package dev.respite.it

import dev.respite.pubsub.Message
import dev.respite.pubsub.MessageListener
import dev.respite.pubsub.SubscriberState
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/** Pub/sub as Kotlin code writes it: a trailing lambda for messages, an object to observe the connection. */
class PubSubKotlinTest {
    companion object {
        @JvmField
        @RegisterExtension
        val redis: RedisServerExtension = RedisServerExtension.create()
    }

    @Test
    fun `a lambda receives messages and a null pattern is a Kotlin null`() {
        val received = LinkedBlockingQueue<Message>()
        val ds = redis.dataSource("?protocol=3")
        ds.openSubscriber { received.add(it) }.use { subscriber ->
            subscriber.subscribe("kotlin")
            ds.openSession().use { it.execute("PUBLISH", "kotlin", "hi") }
            val message = received.poll(10, TimeUnit.SECONDS)!!
            val pattern: String? = message.pattern()
            assertThat(pattern).isNull()
            assertThat(message.payload()).isEqualTo("hi")
        }
    }

    @Test
    fun `an object listener observes the state and close is final`() {
        val states = LinkedBlockingQueue<SubscriberState>()
        val listener = object : MessageListener {
            override fun onMessage(message: Message) {}
            override fun onStateChange(state: SubscriberState, cause: Throwable?) {
                states.add(state)
            }
        }
        val subscriber = redis.dataSource("").openSubscriber(listener)
        subscriber.use { it.psubscribe("k.*") }
        assertThat(states.poll(10, TimeUnit.SECONDS)).isEqualTo(SubscriberState.CLOSED)
        assertThat(subscriber.state()).isEqualTo(SubscriberState.CLOSED)
    }
}
