package dev.respite.spring.boot

import dev.respite.RedisDataSource
import dev.respite.spring.boot.cache.RespiteCacheAutoConfiguration
import dev.respite.testsupport.CommandStats
import dev.respite.testsupport.RawRedisClient
import java.time.Duration
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.springframework.boot.autoconfigure.AutoConfigurations
import org.springframework.boot.health.contributor.HealthIndicator
import org.springframework.boot.health.contributor.Status
import org.springframework.boot.test.context.runner.ApplicationContextRunner
import org.springframework.cache.annotation.Cacheable
import org.springframework.cache.annotation.EnableCaching
import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration

data class Greeting(val name: String, val text: String)

/** A Kotlin service with a cached method; open, so that Spring can proxy it. */
open class Greeter(private val redis: RedisDataSource) {
  @Cacheable("greetings")
  open fun greet(name: String): Greeting = redis.openSession().use { s ->
    val text: String? = s.get("greeting:$name")   // JSpecify: a missing key is a String?
    Greeting(name, text ?: "Hello, $name")
  }
}

@Configuration(proxyBeanMethods = false)
@EnableCaching
open class KotlinApplication {
  @Bean
  open fun greeter(redis: RedisDataSource) = Greeter(redis)
}

/** The starter's properties and beans from a Kotlin Boot application. */
class RespiteKotlinTest : ServerPerTestClass() {

  private val runner = ApplicationContextRunner()
    .withConfiguration(AutoConfigurations.of(RespiteAutoConfiguration::class.java,
      RespiteHealthContributorAutoConfiguration::class.java, RespiteCacheAutoConfiguration::class.java))
    .withUserConfiguration(KotlinApplication::class.java)
    .withPropertyValues("respite.url=${server.url()}", "respite.pool-max-wait=300ms", "respite.client-name=kotlin")

  @Test
  fun `properties bind and a cached data class comes back as itself`() {
    runner.run { context ->
      val redis = context.getBean(RedisDataSource::class.java)
      assertThat(redis.config().poolMaxWait()).isEqualTo(Duration.ofMillis(300))
      assertThat(redis.config().clientName()).isEqualTo("kotlin")
      redis.openSession().use { it.set("greeting:ada", "Hi, Ada") }

      val greeter = context.getBean(Greeter::class.java)
      RawRedisClient(server.port()).use { raw ->
        assertThat(greeter.greet("ada")).isEqualTo(Greeting("ada", "Hi, Ada"))
        val getsAfterFirst = CommandStats.calls(raw, "get")
        val cached = greeter.greet("ada")
        assertThat(cached).isEqualTo(Greeting("ada", "Hi, Ada"))
        assertThat(CommandStats.calls(raw, "get")).isEqualTo(getsAfterFirst + 1)   // the cache entry only
      }
      val health = context.getBean("respiteHealthIndicator", HealthIndicator::class.java).health()
      assertThat(health?.status).isEqualTo(Status.UP)
    }
  }
}
