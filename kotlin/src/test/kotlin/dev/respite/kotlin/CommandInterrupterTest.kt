package dev.respite.kotlin

import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.InternalCoroutinesApi
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.job
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.runTest
import kotlinx.coroutines.withContext
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test

/** The interrupter on its own, on one pool thread that other work shares: no server needed. */
@OptIn(InternalCoroutinesApi::class)
class CommandInterrupterTest {
  private val executor = Executors.newSingleThreadExecutor()
  private val sharedThread = executor.asCoroutineDispatcher()

  @AfterEach
  fun stopThread() {
    executor.shutdownNow()
  }

  @Test
  fun `cancellation interrupts a blocking call and leaves the shared thread clean for the next task`() =
    runTest(timeout = 10.seconds) {
      val interrupter = CommandInterrupter()
      val blocking = CountDownLatch(1)
      val outcome = CompletableDeferred<String>()
      val job = launch(sharedThread + interrupter) {
        coroutineContext.job.invokeOnCompletion(onCancelling = true) { interrupter.interrupt() }
        blocking.countDown()
        outcome.complete(
          try {
            Thread.sleep(30_000)
            "slept"
          } catch (e: InterruptedException) {
            "interrupted"
          })
      }
      blocking.await()
      job.cancelAndJoin()

      assertThat(outcome.await()).isEqualTo("interrupted")
      assertThat(withContext(sharedThread) { Thread.currentThread().isInterrupted }).isFalse()
    }

  @Test
  fun `cancellation while suspended interrupts no thread`() = runTest(timeout = 10.seconds) {
    val interrupter = CommandInterrupter()
    val suspended = CompletableDeferred<Unit>()
    val job = launch(sharedThread + interrupter) {
      coroutineContext.job.invokeOnCompletion(onCancelling = true) { interrupter.interrupt() }
      suspended.complete(Unit)
      awaitCancellation()
    }
    suspended.await()
    val idleThreadInterrupted = CompletableDeferred<Boolean>()
    executor.execute {
      // Runs once the coroutine left the thread; an interrupt aimed at the wrong moment would show here.
      try {
        Thread.sleep(200)
        idleThreadInterrupted.complete(Thread.currentThread().isInterrupted)
      } catch (e: InterruptedException) {
        idleThreadInterrupted.complete(true)
      }
    }
    job.cancelAndJoin()

    assertThat(idleThreadInterrupted.await()).isFalse()
  }

  @Test
  fun `a disarmed interrupter interrupts nothing and clears its own pending interrupt`() =
    runTest(timeout = 10.seconds) {
      val interrupter = CommandInterrupter()
      val flags = withContext(sharedThread + interrupter) {
        interrupter.interrupt() // as if cancelled between two commands: nothing blocking consumed it
        val pending = Thread.currentThread().isInterrupted
        interrupter.disarm()
        val afterDisarm = Thread.currentThread().isInterrupted
        interrupter.interrupt()
        Triple(pending, afterDisarm, Thread.currentThread().isInterrupted)
      }
      assertThat(flags).isEqualTo(Triple(true, false, false))
    }
}
